import type { Actor } from '../../shared/actor.js';
import { authorize } from '../../shared/policy.js';
import { newId } from '../../shared/ids.js';
import { fromJson, toJson } from '../../shared/json.js';
import { AppError, notFound, staleVersion } from '../../server/errors.js';
import { audited } from '../audit/audited-transaction.js';
import { startClock } from '../clock/start-clock.js';
import { localDate } from '../clock/local-time.js';
import { addCalendarDays } from '../clock/calendar/calendar-day.js';
import type { AppraisalDeps } from './appraisal-deps.js';
import { bottom, tally, type Verdict } from './dimensions.js';
import { writeCampaign } from './open-campaign.js';
import { appraisalPolicy } from './policy.js';
import { ballotsOf, findCampaign, insertAppraisalRectification, updateCampaign } from './repository.js';

/** Stored with the campaign when published: what the public page shows. */
export interface PublishedResults {
  ballots: number;
  ballotsByCategory: Record<string, number>;
  departments: ReturnType<typeof tally>;
  bottom: string[];
}

/**
 * Closes voting and publishes the results with the number of ballots. The departments at the
 * bottom each get a rectification on a clock (their head reports it) and are appraised again: a
 * new campaign of just them, with the same dimensions and panel, opened at once.
 */
export async function publishResults(
  deps: AppraisalDeps,
  actor: Actor,
  input: { id: string; version: number },
) {
  authorize(actor, appraisalPolicy.manage, undefined, 'appraisal.publish');
  const cal = await deps.calendars.get();
  return audited(deps.db, deps.clock, actor, async (uow) => {
    const c = await findCampaign(uow.db, input.id);
    if (!c) throw notFound('appraisal_campaign', input.id);
    if (c.state !== 'open')
      throw new AppError('appraisal_invalid_state', { state: c.state, step: 'publish' });
    if (c.version !== input.version) throw staleVersion(c.version, input.version);
    const departments = fromJson<string[]>(c.departments, []);
    const dimensions = fromJson<string[]>(c.dimensions, []);
    const rows = await ballotsOf(uow.db, c.id);
    const byCategory: Record<string, number> = {};
    for (const r of rows) byCategory[r.category] = (byCategory[r.category] ?? 0) + 1;
    const results = tally(
      departments,
      dimensions,
      rows.map((r) => fromJson<Record<string, Record<string, Verdict>>>(r.scores, {})),
    );
    const last = rows.length ? bottom(results, c.bottom_count) : [];
    let reappraisalId: string | null = null;
    if (last.length) {
      const today = localDate(uow.now);
      reappraisalId = await writeCampaign(uow, {
        title: `${c.title}（复评）`,
        periodStart: today,
        periodEnd: addCalendarDays(today, 90),
        departmentIds: last,
        dimensions,
        panel: fromJson(c.panel, {}),
        bottomCount: 0,
        reappraisalOf: c.id,
      });
      for (const departmentId of last) {
        const id = newId(uow.now.getTime());
        const clock = await startClock(uow, cal, {
          subjectType: 'appraisal_rectification',
          subjectId: id,
          label: `民主评议整改：${c.title}`,
          departmentId,
          limitDays: deps.settings.appraisalRectifyDays,
          basis: 'bottom of a democratic appraisal',
        });
        await insertAppraisalRectification(uow.db, {
          id,
          campaign_id: c.id,
          department_id: departmentId,
          clock_id: clock.id,
          reappraisal_id: reappraisalId,
          state: 'open',
          report: null,
          reported_at: null,
          opened_at: uow.nowIso,
          version: 1,
        });
      }
    }
    const published: PublishedResults = {
      ballots: rows.length,
      ballotsByCategory: byCategory,
      departments: results,
      bottom: last,
    };
    if (
      !(await updateCampaign(uow.db, c.id, c.version, {
        state: 'published',
        results: toJson(published),
        published_at: uow.nowIso,
      }))
    )
      throw staleVersion(c.version + 1, c.version);
    // Codes not used can vote no more.
    await uow.db.deleteFrom('appraisal_valid_codes').where('campaign_id', '=', c.id).execute();
    await uow.audit({
      action: 'appraisal.results_published',
      entityType: 'appraisal_campaign',
      entityId: c.id,
      data: { ballots: rows.length, bottom: last },
    });
    return c.id;
  });
}
