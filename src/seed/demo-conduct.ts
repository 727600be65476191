import type { Actor } from '../shared/actor.js';
import { systemActor } from '../shared/actor.js';
import type { AppContext } from '../server/context.js';
import { addCalendarDays } from '../modules/clock/calendar/calendar-day.js';
import { localDate } from '../modules/clock/local-time.js';
import { conductDeps } from '../modules/commitments/commitment-deps.js';
import { periodBounds } from '../modules/commitments/measures.js';
import { publishCommitment } from '../modules/commitments/publish-commitment.js';
import { openCampaign } from '../modules/self-inspection/open-campaign.js';
import { fileReport } from '../modules/self-inspection/file-report.js';
import { openRound } from '../modules/fee-review/open-round.js';
import { proposeChange } from '../modules/fee-review/propose-change.js';
import { decideChange } from '../modules/fee-review/decide-change.js';
import { createMaterial } from '../modules/learning/save-material.js';
import { addQuestion } from '../modules/learning/question-bank.js';
import { assignMaterial } from '../modules/learning/assignments.js';
import { DEMO_LEARNING } from './demo-learning.js';

const SYSTEM = systemActor('demo');

async function actorOf(ctx: AppContext, username: string): Promise<Actor> {
  const u = await ctx.db
    .selectFrom('users')
    .select(['id', 'role', 'department_id'])
    .where('username', '=', username)
    .executeTakeFirst();
  return u
    ? { id: u.id, role: u.role as Actor['role'], departmentId: u.department_id, ip: null, username }
    : SYSTEM;
}

const quarterOf = (day: string) => `${day.slice(0, 4)}-Q${Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1}`;

/**
 * The government's own conduct, so a fresh start shows each part working: the market regulator's
 * commitments for this quarter, a self-inspection campaign with one report filed, a fee review
 * round with an abolition approved and a reduction proposed, and the study library with the four
 * service rules assigned to every staff member. Loaded once (nothing is added when any exists).
 */
export async function seedDemoConduct(ctx: AppContext): Promise<number> {
  if (await ctx.db.selectFrom('commitments').select('id').limit(1).executeTakeFirst()) return 0;
  const deps = conductDeps(ctx);
  const today = localDate(ctx.clock.now());
  const period = quarterOf(today);
  const depts = new Map(
    (await ctx.db.selectFrom('departments').select(['id', 'code']).execute()).map((d) => [d.code, d.id]),
  );
  const scj = depts.get('SCJ');
  const head = await actorOf(ctx, 'head');
  const reviewer = await actorOf(ctx, 'reviewer');
  const supervisor = await actorOf(ctx, 'supervisor');
  const admin = await actorOf(ctx, 'admin');
  let n = 0;
  if (scj) {
    const end = periodBounds(period)!.end;
    for (const c of [
      {
        kind: 'measurable' as const,
        measure: 'on_time_rate' as const,
        target: 95,
        title: '本季度按时办结率不低于 95%',
      },
      {
        kind: 'measurable' as const,
        measure: 'avg_working_days' as const,
        target: 8,
        title: '平均办理时间不超过 8 个工作日',
      },
      {
        kind: 'measurable' as const,
        measure: 'complaint_reply_rate' as const,
        target: 100,
        title: '投诉举报件件有答复',
      },
      {
        kind: 'measurable' as const,
        measure: 'satisfaction' as const,
        target: 95,
        title: '办事群众满意率不低于 95%',
      },
      {
        kind: 'stated' as const,
        title: '20 个高频事项实现全程网办',
        description: '食品经营许可等 20 个高频事项申请、受理、审批、送达全流程网上办理。',
        milestones: [
          { title: '梳理事项清单并公布', dueDate: today },
          { title: '全部事项上线全程网办', dueDate: end },
        ],
      },
    ]) {
      await publishCommitment(deps, head, { departmentId: scj, period, ...c });
      n++;
    }
    const campaign = await openCampaign(deps, supervisor, {
      topic: 'arbitrary_charges',
      title: `${today.slice(0, 4)} 年乱收费专项自查自纠`,
      description: '对照收费目录清单，逐项检查是否存在目录外收费、表格收费、搭车收费。',
      checklist: [
        '是否收取收费目录清单以外的费用？',
        '是否对申请表格、示范文本收费？',
        '收费公示是否与目录一致？',
      ],
      departmentIds: ['SCJ', 'WJW', 'ZJJ'].map((c) => depts.get(c)).filter((d): d is string => !!d),
      deadline: addCalendarDays(today, 14),
    });
    const own = campaign.reports.find((r) => r.departmentId === scj)!;
    await fileReport(deps, reviewer, own.id, {
      version: own.version,
      answers: [
        { answer: 'compliant' },
        { answer: 'problem_found', note: '窗口复印材料收取工本费' },
        { answer: 'compliant' },
      ],
      problems: [
        {
          description: '综合窗口复印申请材料收取工本费',
          measure: '立即停止收取，改为免费复印并公示',
          rectifyBy: addCalendarDays(today, 10),
        },
      ],
    });
    n++;
  }
  const gaCodes = ['FEE-GA-LSHP', 'FEE-GA-SFZ'];
  const fees = await ctx.db.selectFrom('fee_entries').select('code').where('code', 'in', gaCodes).execute();
  if (fees.length === gaCodes.length) {
    const round = await openRound(deps, admin, {
      title: `${today.slice(0, 4)} 年度行政事业性收费清理`,
      feeCodes: gaCodes,
    });
    const lshp = round.lines.find((l) => l.feeCode === 'FEE-GA-LSHP')!;
    const sfz = round.lines.find((l) => l.feeCode === 'FEE-GA-SFZ')!;
    const proposed = await proposeChange(deps, SYSTEM, lshp.id, {
      version: lshp.version,
      proposal: 'abolish',
      reason: '临时号牌工本费已由财政保障，建议取消。',
    });
    await decideChange(deps, admin, lshp.id, {
      version: proposed.version,
      decision: 'approve',
      effectiveDate: addCalendarDays(today, 7),
      note: '同意取消',
    });
    await proposeChange(deps, SYSTEM, sfz.id, {
      version: sfz.version,
      proposal: 'reduce',
      reason: '制证成本下降，建议由每证 20 元降为 10 元。',
      newStandard: '每证 10 元',
      newRule: { kind: 'fixed', amountFen: 1000 },
    });
    n++;
  }
  for (const m of DEMO_LEARNING) {
    const created = await createMaterial(deps, admin, m.material);
    for (const q of m.questions) await addQuestion(deps, admin, created.id, q);
    if (m.material.ruleCode)
      await assignMaterial(deps, admin, { materialId: created.id, dueDate: addCalendarDays(today, 30) });
    n++;
  }
  return n;
}
