import type { Actor } from '../../shared/actor.js';
import { authorize } from '../../shared/policy.js';
import { newId } from '../../shared/ids.js';
import { AppError, notFound, type FieldError } from '../../server/errors.js';
import { audited } from '../audit/audited-transaction.js';
import { localDate } from '../clock/local-time.js';
import type { ConductDeps } from './commitment-deps.js';
import { periodBounds } from './measures.js';
import { commitmentPolicy } from './policy.js';
import { departmentByKey, findCommitment, insertCommitment, insertMilestones } from './repository.js';
import type { PublishBodyT } from './schemas.js';
import { commitmentViews } from './views.js';

function problems(input: PublishBodyT, bounds: { start: string; end: string }, today: string): FieldError[] {
  const errors: FieldError[] = [];
  const field = (path: string, code: string, zh: string, en: string) => errors.push({ path, code, zh, en });
  if (bounds.end < today)
    field(
      '/body/period',
      'period_over',
      '承诺期已结束，不能再发布承诺',
      'The period is over: nothing can be committed to it',
    );
  if (input.kind === 'measurable') {
    if (!input.measure)
      field('/body/measure', 'required', '可量化承诺须选择指标', 'A measurable commitment names its measure');
    if (input.target === undefined)
      field(
        '/body/target',
        'required',
        '可量化承诺须填写目标值',
        'A measurable commitment states its target',
      );
    if (input.measure?.endsWith('_rate') || input.measure === 'satisfaction')
      if ((input.target ?? 0) > 100)
        field('/body/target', 'out_of_range', '比率目标不能超过 100%', 'A rate cannot exceed 100%');
  } else {
    if (input.measure)
      field('/body/measure', 'not_allowed', '文字承诺不选择指标', 'A stated commitment has no measure');
    if (!input.milestones?.length)
      field(
        '/body/milestones',
        'required',
        '文字承诺须列出里程碑',
        'A stated commitment lists its milestones',
      );
  }
  (input.milestones ?? []).forEach((m, i) => {
    if (m.dueDate < bounds.start || m.dueDate > bounds.end)
      field(
        `/body/milestones/${i}/dueDate`,
        'outside_period',
        `里程碑日期须在承诺期内（${bounds.start} 至 ${bounds.end}）`,
        `A milestone falls within the period (${bounds.start} to ${bounds.end})`,
      );
  });
  return errors;
}

/** A department's head publishes a commitment for a year or a quarter; it is public at once. */
export async function publishCommitment(deps: ConductDeps, actor: Actor, input: PublishBodyT) {
  const dept = await departmentByKey(deps.db, input.departmentId);
  if (!dept) throw notFound('department', input.departmentId);
  authorize(actor, commitmentPolicy.publish, dept.id, 'commitment.publish');
  const bounds = periodBounds(input.period)!;
  const errors = problems(input, bounds, localDate(deps.clock.now()));
  if (errors.length)
    throw new AppError('validation_failed', { summary: errors.map((e) => e.path).join(', ') }, errors);
  const row = await audited(deps.db, deps.clock, actor, async (uow) => {
    const id = newId(uow.now.getTime());
    await insertCommitment(uow.db, {
      id,
      department_id: dept.id,
      period: input.period,
      period_start: bounds.start,
      period_end: bounds.end,
      kind: input.kind,
      measure: input.kind === 'measurable' ? input.measure! : null,
      target: input.kind === 'measurable' ? input.target! : null,
      title: input.title.trim(),
      description: input.description?.trim() || null,
      state: 'published',
      outcome_value: null,
      outcome_basis: null,
      assessed_at: null,
      assessed_by: null,
      explanation: null,
      explained_at: null,
      created_by: actor.id,
      created_at: uow.nowIso,
      updated_at: uow.nowIso,
      version: 1,
    });
    await insertMilestones(
      uow.db,
      (input.milestones ?? []).map((m, i) => ({
        id: newId(uow.now.getTime()),
        commitment_id: id,
        seq: i + 1,
        title: m.title.trim(),
        due_date: m.dueDate,
        done_at: null,
        note: null,
      })),
    );
    await uow.audit({
      action: 'commitment.published',
      entityType: 'commitment',
      entityId: id,
      data: { departmentId: dept.id, period: input.period, kind: input.kind, measure: input.measure ?? null },
    });
    return (await findCommitment(uow.db, id))!;
  });
  return (await commitmentViews(deps, [row]))[0]!;
}
