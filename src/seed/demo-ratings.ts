import { systemActor } from '../shared/actor.js';
import type { AppContext } from '../server/context.js';
import { audited } from '../modules/audit/audited-transaction.js';
import { departmentCodeMap } from '../modules/catalogue/catalogue-reads.js';
import { ratingDeps } from '../modules/ratings/rating-deps.js';
import { recordRating } from '../modules/ratings/record-rating.js';
import { acknowledgeRectification } from '../modules/ratings/acknowledge-rectification.js';
import { answerRectification } from '../modules/ratings/answer-rectification.js';
import { fileAppeal } from '../modules/ratings/file-appeal.js';
import { decideAppeal } from '../modules/ratings/decide-appeal.js';
import { appraisalDeps } from '../modules/appraisal/appraisal-deps.js';
import { openCampaign } from '../modules/appraisal/open-campaign.js';
import { issueCodes } from '../modules/appraisal/issue-codes.js';
import { castBallot } from '../modules/appraisal/cast-ballot.js';
import { publishResults } from '../modules/appraisal/publish-results.js';
import { DEFAULT_DIMENSIONS, type Verdict } from '../modules/appraisal/dimensions.js';
import { localDate } from '../modules/clock/local-time.js';

const seed = systemActor('seed');

/** Visits rated on the windows' tablets: [department, window, level, comment]. */
const ON_SITE: [string, string, number, string?][] = [
  ['SCJ', 'A1', 5, '讲解耐心，一次办好'],
  ['SCJ', 'A1', 5],
  ['SCJ', 'A2', 4],
  ['SCJ', 'A2', 2, '排队一个多小时，窗口中途离岗'],
  ['SCJ', 'A1', 1, '乱打分测试'],
  ['WJW', 'B1', 5],
  ['WJW', 'B1', 4, '材料一次告知清楚'],
  ['WJW', 'B2', 3],
  ['ZJJ', 'C1', 5],
  ['ZJJ', 'C1', 4],
  ['XFZD', 'D1', 5, '现场指导很专业'],
];

/**
 * Demo ratings and an appraisal: on-site ratings of the day's visits (the hall's tickets), a bad
 * one in rectification (acknowledged, answered), a malicious one excluded on appeal and another
 * appeal waiting; a campaign whose ballots are cast and results published, with the bottom
 * department rectifying and appraised again.
 */
export async function seedDemoRatings(ctx: AppContext): Promise<{ ratings: number; ballots: number }> {
  const deps = ratingDeps(ctx);
  const depts = await departmentCodeMap(ctx.db);
  const cal = await ctx.calendars.get();
  const ids: { id: string; rectificationId: string | null }[] = [];
  for (const [i, [dept, window, level, comment]] of ON_SITE.entries()) {
    const departmentId = depts.get(dept);
    if (!departmentId) continue;
    const no = `${window.slice(0, 1)}${String(i + 1).padStart(3, '0')}`;
    ids.push(
      await audited(ctx.db, ctx.clock, seed, (uow) =>
        recordRating(uow, cal, deps.settings, {
          channel: 'on_site',
          subject: { type: 'visit', id: `demo-visit-${localDate(uow.now)}-${no}`, ref: no },
          departmentId,
          window,
          level,
          indicators: { efficiency: level, service_level: level, attitude: level },
          comment,
        }),
      ),
    );
  }
  const rect = (i: number) => ids[i]?.rectificationId;
  const inRectification = rect(3);
  if (inRectification) {
    await acknowledgeRectification(deps, seed, { id: inRectification, version: 1 });
    await answerRectification(deps, seed, {
      id: inRectification,
      version: 2,
      answer: '当日A2窗口人员临时离岗未安排顶岗，已批评教育；高峰时段增开一个窗口。',
    });
  }
  const malicious = ids[4];
  if (malicious) {
    const appeal = await fileAppeal(deps, seed, {
      ratingId: malicious.id,
      grounds: 'malicious',
      reason: '评价人当场表示“随便点的”，与办理服务无关',
    });
    await decideAppeal(deps, seed, {
      id: appeal,
      version: 1,
      exclude: true,
      reason: '经调取窗口录像核实，评价与服务无关，属误评，予以剔除',
    });
  }
  if (ids[7])
    await fileAppeal(deps, seed, { ratingId: ids[7].id, grounds: 'mistaken', reason: '评价人误触评价器' });
  const ballots = await seedDemoAppraisal(
    ctx,
    ['SCJ', 'WJW', 'ZJJ', 'XFZD'].flatMap((c) => depts.get(c) ?? []),
  );
  return { ratings: ids.length, ballots };
}

async function seedDemoAppraisal(ctx: AppContext, departmentIds: string[]): Promise<number> {
  if (departmentIds.length < 2) return 0;
  const deps = appraisalDeps(ctx);
  const today = localDate(ctx.clock.now());
  const id = await openCampaign(deps, seed, {
    title: `${today.slice(0, 4)}年度民主评议政风行风`,
    periodStart: `${today.slice(0, 4)}-01-01`,
    periodEnd: `${today.slice(0, 4)}-12-31`,
    departmentIds,
    dimensions: DEFAULT_DIMENSIONS,
    panel: { deputies: 5, enterprises: 10, residents: 10, service_users: 10 },
    bottomCount: 1,
  });
  const verdicts: Verdict[] = ['satisfied', 'satisfied', 'fairly_satisfied', 'dissatisfied'];
  let n = 0;
  for (const [category, count] of [
    ['deputies', 4],
    ['enterprises', 6],
    ['residents', 6],
  ] as const) {
    const { codes } = await issueCodes(deps, seed, { campaignId: id, category, count, delivery: 'printed' });
    for (const code of codes) {
      const scores = Object.fromEntries(
        departmentIds.map((d, j) => [
          d,
          Object.fromEntries(
            DEFAULT_DIMENSIONS.map((dim, k) => [
              dim,
              verdicts[(n + j * 2 + k) % Math.min(j + 2, verdicts.length)]!,
            ]),
          ),
        ]),
      );
      await castBallot(deps, { ...seed, ip: '127.0.0.1' }, { campaignId: id, code, scores });
      n++;
    }
  }
  // One batch still out: codes issued, not all used when the results were published.
  await issueCodes(deps, seed, { campaignId: id, category: 'service_users', count: 4, delivery: 'sent' });
  await publishResults(deps, seed, { id, version: 1 });
  return n;
}
