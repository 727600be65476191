import type { UnitOfWork } from '../../audit/audited-transaction.js';
import type { WorkingCalendar } from '../../clock/calendar/working-calendar.js';
import { startClock } from '../../clock/start-clock.js';
import { stopClock } from '../../clock/stop-clock.js';
import type { FeeRuntime } from '../runtime.js';
import { CLOCK_LABEL_PREFIXES as L, FEE_FORM_WORD } from '../../clock/clock-labels.js';

/** The working-day steps of a refund (domain.md §4; the limits are configuration). */
export const REFUND_STEPS = {
  file: { label: L.refundFile, basis: '退费规定：执收单位发现应退费用的，应在规定工作日内提出退付申请' },
  review: { label: L.refundReview, basis: '退费规定：执收单位应在规定工作日内审核缴款人的退付申请' },
  approval: { label: L.refundApproval, basis: '退费规定：财政部门应在规定工作日内审批' },
  payment: { label: L.refundPayment, basis: '退费规定：审批同意后应在规定工作日内退付' },
} as const;
export type RefundStep = keyof typeof REFUND_STEPS;

/** Stops the refund's running clock (if any) and starts the next step's, on the configured limit. */
export async function moveRefundClock(
  uow: UnitOfWork,
  cal: WorkingCalendar,
  rt: Pick<FeeRuntime, 'config'>,
  r: { id: string; clock_id: string | null; department_id: string },
  formNumber: string,
  outcome: string,
  next: RefundStep | null,
): Promise<string | null> {
  if (r.clock_id) {
    const c = await uow.db
      .selectFrom('clocks')
      .select('status')
      .where('id', '=', r.clock_id)
      .executeTakeFirst();
    if (c && c.status !== 'stopped') await stopClock(uow, cal, r.clock_id, outcome);
  }
  if (!next) return null;
  const limitDays = rt.config.refundDays[next];
  const clock = await startClock(uow, cal, {
    subjectType: 'refund',
    subjectId: r.id,
    label: `${REFUND_STEPS[next].label}${FEE_FORM_WORD}${formNumber}`,
    departmentId: r.department_id,
    limitDays,
    basis: REFUND_STEPS[next].basis,
  });
  return clock.id;
}
