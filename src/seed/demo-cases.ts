import type { Actor } from '../shared/actor.js';
import type { Clock } from '../shared/clock.js';
import type { AppContext } from '../server/context.js';
import { fromJson } from '../shared/json.js';
import { caseModule } from '../modules/cases/case-deps-factory.js';
import type { CaseDeps } from '../modules/cases/case-deps.js';
import { submitCase } from '../modules/cases/submit-case.js';
import { writeSubmission } from '../modules/cases/write-submission.js';
import { uploadFile } from '../modules/cases/upload-file.js';
import { requestSupplement } from '../modules/cases/request-supplement.js';
import { acceptCase } from '../modules/cases/accept-case.js';
import { recordOpinion } from '../modules/cases/record-opinion.js';
import { decideTask } from '../modules/cases/decide-task.js';
import { deliverCase } from '../modules/cases/deliver-case.js';
import { acceptWithShortfall } from '../modules/cases/accept-with-shortfall.js';
import { provideDeferred } from '../modules/cases/provide-deferred.js';
import { localDate } from '../modules/clock/local-time.js';

/** A one-page PDF standing in for a scanned material (its content check needs real PDF bytes). */
const SCAN = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

type Stage = 'received' | 'notice' | 'under_review' | 'decided' | 'completed';

interface DemoCase {
  item: string;
  applicant: 'citizen' | 'enterprise';
  form: Record<string, string>;
  /** When it was submitted: every step of it is taken then, on the working-day clock of that day. */
  daysAgo: number;
  stage: Stage;
  /**
   * 容缺受理: accepted with its deferrable materials promised within two working days, and supplied
   * this many days later (kept or late), or never (the promise outstanding or, once lapsed, refused).
   */
  shortfall?: { suppliedAfterDays?: number };
}

/**
 * Oldest first, so receipt numbers follow the dates. The one accepted twenty days ago on a five-day
 * promise is overdue: the first supervision pass turns it red, with its signal and 督办 order.
 */
const CASES: DemoCase[] = [
  {
    item: '食品经营许可',
    applicant: 'citizen',
    form: { 经营场所: '清河市解放路18号', 经营项目: '预包装食品销售' },
    daysAgo: 20,
    stage: 'under_review',
  },
  {
    item: '药品零售企业许可',
    applicant: 'enterprise',
    form: { 经营场所: '清河市建设路12号', 经营范围: '中药饮片、中成药' },
    daysAgo: 12,
    stage: 'decided',
    shortfall: {},
  },
  {
    item: '食品经营许可',
    applicant: 'citizen',
    form: { 经营场所: '清河市人民路1号', 经营项目: '热食类食品制售' },
    daysAgo: 8,
    stage: 'completed',
  },
  {
    item: '计量标准器具核准',
    applicant: 'enterprise',
    form: { 计量标准名称: '电子天平检定装置' },
    daysAgo: 6,
    stage: 'decided',
  },
  {
    item: '第三类医疗器械经营许可',
    applicant: 'enterprise',
    form: { 经营场所: '清河市和平路30号', 经营范围: '第三类医疗器械批发' },
    daysAgo: 4,
    stage: 'decided',
    shortfall: { suppliedAfterDays: 1 },
  },
  {
    item: '药品零售企业许可',
    applicant: 'enterprise',
    form: { 经营场所: '清河市中山路66号', 经营范围: '中成药、化学药制剂' },
    daysAgo: 2,
    stage: 'under_review',
  },
  {
    item: '食品生产许可',
    applicant: 'enterprise',
    form: { 生产场所: '清河市工业园区8号', 食品类别: '糕点' },
    daysAgo: 1,
    stage: 'notice',
  },
  {
    item: '第三类医疗器械经营许可',
    applicant: 'enterprise',
    form: { 经营场所: '清河市滨河路5号', 经营范围: '第三类医疗器械零售' },
    daysAgo: 1,
    stage: 'under_review',
    shortfall: {},
  },
  {
    item: '食品经营许可',
    applicant: 'citizen',
    form: { 经营场所: '清河市东风路9号', 经营项目: '热食类食品制售' },
    daysAgo: 0,
    stage: 'received',
  },
];

const ORDER: Stage[] = ['received', 'under_review', 'decided', 'completed'];
const reached = (c: DemoCase, s: Stage) => c.stage !== 'notice' && ORDER.indexOf(c.stage) >= ORDER.indexOf(s);

/**
 * The demo's applications, through the cases' own use cases as the demo accounts (the citizen and
 * the enterprise apply online; the window clerk sends a one-time notice and accepts; the reviewer
 * records the opinion and decides; the clerk delivers): one waiting for acceptance, one with a
 * one-time notice (一次性告知), two under review (one of them overdue), one decided and one
 * delivered; and three accepted under 容缺: a promise kept, one broken (refused today, past its
 * deadline) and one outstanding. Each case's steps are taken on the day it was submitted (a kept
 * promise's supply and review the day after). Skipped when cases exist.
 */
export async function seedDemoCases(ctx: AppContext): Promise<number> {
  const any = await ctx.db.selectFrom('cases').select('id').limit(1).executeTakeFirst();
  if (any) return 0;
  const m = caseModule(ctx);
  const actors = await demoActors(ctx, ['citizen', 'enterprise', 'clerk', 'reviewer']);
  for (const plan of CASES) {
    // The case module as it was on that day: its clock, and applications written in this thread.
    const clock: Clock = { now: () => new Date(ctx.clock.now().getTime() - plan.daysAgo * 86_400_000) };
    const intake = { ...m.deps, clock };
    const deps: CaseDeps = { ...intake, writeIntake: (job) => writeSubmission(intake, job) };
    await seedCase(ctx, deps, m.storage, actors, plan);
  }
  return CASES.length;
}

async function seedCase(
  ctx: AppContext,
  deps: CaseDeps,
  storage: ReturnType<typeof caseModule>['storage'],
  actors: Map<string, Actor>,
  plan: DemoCase,
): Promise<void> {
  const applicant = actors.get(plan.applicant)!;
  const clerk = actors.get('clerk')!;
  const reviewer = actors.get('reviewer')!;
  const item = await ctx.db
    .selectFrom('items')
    .innerJoin('item_versions as v', 'v.id', 'items.current_version_id')
    .select(['items.id', 'v.data'])
    .where('v.name', '=', plan.item)
    .executeTakeFirstOrThrow();
  const materials = fromJson<{
    materials: { name: string; required: boolean; deferrable: boolean; source: string }[];
  }>(item.data, { materials: [] }).materials.filter((x) => x.required && x.source === 'applicant');
  // With a one-time notice the application comes in with its first material only; under 容缺,
  // without the materials the item lets it supply later.
  const deferred = plan.shortfall ? materials.filter((x) => x.deferrable) : [];
  const given =
    plan.stage === 'notice' ? materials.slice(0, 1) : materials.filter((x) => !deferred.includes(x));
  const files: { id: string }[] = [];
  for (const x of given)
    files.push(
      await uploadFile(ctx.db, deps.clock, storage, applicant, { name: `${x.name}.pdf`, data: SCAN }),
    );
  const submitted = await submitCase(deps, applicant, {
    itemId: item.id,
    form: plan.form,
    materials: given.map((x, i) => ({ name: x.name, fileId: files[i]!.id })),
  });
  const id = submitted.caseId;
  const version = async () =>
    (await ctx.db.selectFrom('cases').select('version').where('id', '=', id).executeTakeFirstOrThrow())
      .version;
  if (plan.stage === 'notice') {
    await requestSupplement(deps, clerk, id, await version(), {
      items: materials.slice(1).map((x) => ({ name: x.name, requirement: '原件扫描件，加盖公章' })),
    });
    return;
  }
  if (!reached(plan, 'under_review')) return;
  let review = deps;
  if (plan.shortfall) {
    const today = localDate(deps.clock.now());
    await acceptWithShortfall(deps, clerk, id, await version(), {
      deadline: (await deps.calendars.get()).addWorkingDays(today, 2),
      commitment: '本企业承诺在补齐期限内提交全部容缺材料，逾期未补齐的，愿承担不予许可的后果。',
    });
    const later = plan.shortfall.suppliedAfterDays;
    if (later !== undefined) {
      // The promise kept: the deferred materials arrive that many days later, and review goes on then.
      const clock: Clock = { now: () => new Date(deps.clock.now().getTime() + later * 86_400_000) };
      review = { ...deps, clock };
      const scans: { id: string }[] = [];
      for (const x of deferred)
        scans.push(
          await uploadFile(ctx.db, clock, storage, applicant, { name: `${x.name}.pdf`, data: SCAN }),
        );
      await provideDeferred(
        review,
        applicant,
        id,
        await version(),
        deferred.map((x, i) => ({ name: x.name, fileId: scans[i]!.id })),
      );
    }
  } else await acceptCase(deps, clerk, id, await version());
  const task = await ctx.db
    .selectFrom('case_tasks')
    .select('id')
    .where('case_id', '=', id)
    .executeTakeFirstOrThrow();
  if (plan.shortfall && plan.shortfall.suppliedAfterDays === undefined) {
    // The promise lapsed: today, past its deadline, the notice's consequence applies (if a long
    // holiday still keeps today within the deadline, the case stays under review).
    const now = {
      ...deps,
      clock: { now: () => new Date(deps.clock.now().getTime() + plan.daysAgo * 86_400_000) },
    };
    const today = localDate(now.clock.now());
    const lapsed = (
      await ctx.db
        .selectFrom('case_materials')
        .select('deferred_until')
        .where('case_id', '=', id)
        .where('status', '=', 'deferred')
        .execute()
    ).every((m) => m.deferred_until! < today);
    if (!reached(plan, 'decided') || !lapsed) return;
    await decideTask(now, reviewer, id, await version(), {
      taskId: task.id,
      decision: 'refuse',
      reasons: ['申请人未在容缺受理承诺的期限内补齐材料，依承诺不予许可'],
    });
    return;
  }
  await recordOpinion(review, reviewer, id, await version(), {
    taskId: task.id,
    text: '材料齐全，经现场核查符合条件',
  });
  if (!reached(plan, 'decided')) return;
  await decideTask(review, reviewer, id, await version(), { taskId: task.id, decision: 'approve' });
  if (!reached(plan, 'completed')) return;
  await deliverCase(review, clerk, id, await version(), { method: '电子送达', recipient: '申请人本人' });
}

/** The demo accounts as the actors they log in as. */
async function demoActors(ctx: AppContext, usernames: string[]): Promise<Map<string, Actor>> {
  const rows = await ctx.db
    .selectFrom('users')
    .select(['id', 'username', 'role', 'department_id'])
    .where('username', 'in', usernames)
    .execute();
  return new Map(
    rows.map((u) => [
      u.username,
      {
        id: u.id,
        role: u.role as Actor['role'],
        departmentId: u.department_id,
        ip: null,
        username: u.username,
      },
    ]),
  );
}
