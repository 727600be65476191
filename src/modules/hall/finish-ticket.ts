import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { Actor } from '../../shared/actor.js';
import { fromJson } from '../../shared/json.js';
import { audited } from '../audit/audited-transaction.js';
import { findCase, findCaseByReceipt, itemVersionData, type CaseRow } from '../cases/case-reads.js';
import { raiseSignals } from '../supervision/signals.js';
import { changeTicket, currentTicket } from './act-on-ticket.js';
import { logEvent } from './call-ticket.js';
import type { HallDeps } from './hall-deps.js';
import { notFound, seconds } from './hall-support.js';
import { updateWindow } from './repository.js';
import { insertVisit, visitsOfCase, type TicketRow } from './repository-tickets.js';

export interface FinishInput {
  /** The case the visit concerns: taken in at this window just now, or one the person came back for. */
  caseId?: string;
  receiptNo?: string;
}

/**
 * The fewest visits any of the case's items promises (最多跑一次 = 1); null when no item promises.
 * A promise of 0 (全程网办) counts every visit to the hall as one too many.
 */
export async function promisedVisits(db: Kysely<Database>, caseId: string): Promise<number | null> {
  const promises = (await itemVersionData(db, caseId))
    .map((r) => fromJson<{ maxVisits?: number }>(r.data, {}).maxVisits)
    .filter((n): n is number => typeof n === 'number');
  return promises.length ? Math.min(...promises) : null;
}

async function caseOf(db: Kysely<Database>, input: FinishInput): Promise<CaseRow | null> {
  if (input.caseId)
    return (await findCase(db, input.caseId)) ?? Promise.reject(notFound('case', input.caseId));
  if (input.receiptNo)
    return (
      (await findCaseByReceipt(db, input.receiptNo.trim())) ??
      Promise.reject(notFound('case', input.receiptNo))
    );
  return null;
}

/**
 * The person is served: waiting and service times are recorded, and the visit is linked to its case
 * (a consultation may concern none). A case visited more often than its items promise raises a
 * supervision signal, once per visit beyond the promise.
 */
export async function finishTicket(deps: HallDeps, actor: Actor, input: FinishInput): Promise<TicketRow> {
  const { w, t } = await currentTicket(deps, actor);
  const c = await caseOf(deps.db, input);
  const r = await audited(deps.db, deps.clock, actor, async (uow) => {
    const serviceSeconds = seconds(t.called_at ?? uow.nowIso, uow.nowIso);
    const row = await changeTicket(uow, t, {
      state: 'served',
      finished_at: uow.nowIso,
      service_seconds: serviceSeconds,
      case_id: c?.id ?? null,
    });
    await updateWindow(uow.db, w.id, { current_ticket_id: null, updated_at: uow.nowIso });
    let visits: number | null = null;
    if (c) {
      await insertVisit(uow.db, {
        ticket_id: t.id,
        case_id: c.id,
        group_id: t.group_id,
        window_id: w.id,
        visited_at: uow.nowIso,
      });
      visits = (await visitsOfCase(uow.db, c.id)).length;
      const promised = await promisedVisits(uow.db, c.id);
      if (promised !== null && visits > promised)
        await raiseSignals(
          uow.db,
          [
            {
              kind: 'visits_exceeded',
              subjectType: 'case',
              subjectId: c.id,
              departmentId: c.lead_department_id,
              data: { receiptNo: c.receipt_no, visits, promised, ticket: t.number },
              dedupeKey: `visits_exceeded:${c.id}:${visits}`,
            },
          ],
          uow.nowIso,
        );
    }
    await logEvent(uow, 'served', row, w);
    await uow.audit({
      action: 'hall.ticket_served',
      entityType: 'hall_ticket',
      entityId: t.id,
      data: {
        number: t.number,
        caseId: c?.id ?? null,
        waitSeconds: t.wait_seconds ?? 0,
        serviceSeconds,
        visits,
      },
    });
    return row;
  });
  deps.feed.poke();
  return r;
}
