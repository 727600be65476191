import type { Actor } from '../../shared/actor.js';
import { stopClock } from '../clock/stop-clock.js';
import type { CaseDeps } from './case-deps.js';
import { actOnCase, applicantNotice } from './act-on-case.js';
import { decisionDocuments } from './repository-documents.js';

export const DELIVERY_METHODS = ['在窗口直接送达', '邮寄送达', '电子送达'] as const;

/** Delivery of the decision and certificate (送达), with a delivery receipt; the case is completed (办结). */
export async function deliverCase(
  deps: CaseDeps,
  actor: Actor,
  caseId: string,
  version: number,
  input: { method: (typeof DELIVERY_METHODS)[number]; recipient: string },
) {
  return actOnCase(deps, actor, caseId, 'deliver', version, async ({ uow, cal, c }) => {
    if (c.decision === 'approved') await deps.fees.assertPaid(uow, c, 'before_delivery');
    if (c.delivery_clock_id) await stopClock(uow, cal, c.delivery_clock_id, 'delivered');
    const docs = await decisionDocuments(uow.db, c.id);
    const titles: Record<string, string> = {
      approval_decision: '准予行政许可决定书',
      refusal_decision: '不予行政许可决定书',
    };
    const doc = await deps.documents.issue(uow, c, 'delivery_receipt', {
      documents: [
        ...docs.map((d) => ({ name: titles[d.kind] ?? d.kind, number: d.number })),
        ...(c.decision === 'approved' ? [{ name: '许可证件', number: c.receipt_no }] : []),
      ],
      method: input.method,
      recipient: input.recipient,
      deliveredAt: uow.nowIso,
    });
    await deps.inviteRating(uow, c);
    return {
      state: 'completed',
      changes: { completed_at: uow.nowIso },
      event: { method: input.method, recipient: input.recipient, document: doc.number },
      notify: [applicantNotice(c, 'case_completed')],
      result: { document: doc },
    };
  });
}
