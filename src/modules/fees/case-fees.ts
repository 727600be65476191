import type { UnitOfWork } from '../audit/audited-transaction.js';
import { loadCalendar } from '../clock/calendar-store.js';
import type { WorkingCalendar } from '../clock/calendar/working-calendar.js';
import type { CaseEnding, CaseFees, PaymentPoint } from '../cases/case-deps.js';
import type { CaseRow } from '../cases/case-reads.js';
import { AppError } from '../../server/errors.js';
import { yuan } from '../documents/money-text.js';
import { catalogueFor, chargedItemsFrom, chargedItemsOf } from './case-items.js';
import { formQuantities, planLines } from './fee-lines.js';
import { supersededToday } from './superseded-fees.js';
import { issueForm } from './issue-form.js';
import { recordRefusedCharges } from './refuse-charge.js';
import type { FeeRuntime } from './runtime.js';
import { cancelOutstanding } from './cancel-form.js';
import { lockForm } from './repository.js';
import { openRefund } from './refunds/open-refund.js';
import { refundableFee } from './refunds/refund-access.js';

const ISSUED_AT: Record<'received' | 'accepted' | 'decided', PaymentPoint> = {
  received: 'before_acceptance',
  accepted: 'before_decision',
  decided: 'before_delivery',
};
/** The forms a point waits for: its own and every earlier one's. */
const DUE_BY: Record<PaymentPoint, PaymentPoint[]> = {
  before_acceptance: ['before_acceptance'],
  before_decision: ['before_acceptance', 'before_decision'],
  before_delivery: ['before_acceptance', 'before_decision', 'before_delivery'],
};
const ENDING_TEXT: Record<CaseEnding, string> = {
  withdrawn: '办件已撤回',
  not_accepted: '办件不予受理',
  refused: '办件不予许可',
};
const ACTION: Record<PaymentPoint, string> = {
  before_acceptance: 'accept',
  before_decision: 'decide',
  before_delivery: 'deliver',
};

/**
 * The fee module's side of the case seam. At each stage it issues the forms of the items whose
 * payment point this is (a form per item; a line needing a quantity the case form does not give
 * waits for the clerk). Before acceptance, decision and delivery it refuses to go on while a form
 * due by then is unpaid or not yet issued — except that a certificate may go out unpaid when the
 * item's fee settings say so, and the law's deemed acceptance (Art. 32) is never held up.
 */
export class FeeCaseSeam implements CaseFees {
  private cached: { signature: string; cal: WorkingCalendar } | undefined;

  constructor(private readonly rt: FeeRuntime) {}

  /** The calendar for due dates, read through the case's transaction (never the root handle). */
  private async calendar(uow: UnitOfWork): Promise<WorkingCalendar> {
    const r = await uow.db
      .selectFrom('calendar_years')
      .select((eb) => [
        eb.fn.countAll<number>().as('n'),
        eb.fn.sum<number>('revision').as('rev'),
        eb.fn.max('year').as('max'),
      ])
      .executeTakeFirstOrThrow();
    const signature = `${r.n}:${r.rev}:${r.max}`;
    if (this.cached?.signature !== signature) this.cached = { signature, cal: await loadCalendar(uow.db) };
    return this.cached.cal;
  }

  async reached(
    uow: UnitOfWork,
    c: CaseRow,
    stage: 'received' | 'accepted' | 'decided',
    caseItems?: readonly { item_id: string; item_version_id: string }[],
  ): Promise<void> {
    if (stage === 'decided' && c.decision !== 'approved') return; // no certificate, nothing to pay for delivery
    const point = ISSUED_AT[stage];
    const items = (
      await (caseItems ? chargedItemsFrom(uow.db, caseItems) : chargedItemsOf(uow.db, c.id))
    ).filter((i) => i.paymentPoint === point);
    if (!items.length) return;
    const existing = await uow.db
      .selectFrom('fee_forms')
      .select('item_id')
      .where('case_id', '=', c.id)
      .where('status', '!=', 'cancelled')
      .execute();
    const catalogue = await catalogueFor(
      uow.db,
      items.flatMap((i) => i.fees.map((f) => f.feeCode)),
    );
    const quantities = formQuantities(c.form);
    for (const item of items) {
      if (existing.some((e) => e.item_id === item.itemId)) continue;
      const plan = planLines(item.fees, catalogue, quantities);
      if (plan.refused.length) await recordRefusedCharges(uow, c, plan.refused, `stage:${stage}`);
      if (plan.missing.length || plan.invalid.length || !plan.lines.length) continue;
      const cal = await this.calendar(uow);
      if (await supersededToday(uow, plan.lines)) continue; // the clerk issues it at the new standard
      await issueForm(
        uow,
        cal,
        this.rt.config.dueDays,
        c,
        {
          itemId: item.itemId,
          versionId: item.versionId,
          departmentId: item.departmentId,
          paymentPoint: point,
        },
        plan.lines,
      );
    }
  }

  async ended(uow: UnitOfWork, c: CaseRow, how: CaseEnding): Promise<void> {
    const forms = await uow.db
      .selectFrom('fee_forms')
      .select('id')
      .where('case_id', '=', c.id)
      .orderBy('issued_at')
      .execute();
    if (!forms.length) return;
    const reason = `${ENDING_TEXT[how]}（${c.receipt_no}），未提供收费所对应的服务`;
    let cal: WorkingCalendar | undefined;
    for (const { id } of forms) {
      let form = (await lockForm(uow.db, id))!;
      if (form.status !== 'cancelled' && form.outstanding_fen > 0)
        form = await cancelOutstanding(uow, form, `${reason}，未缴部分作废`);
      const refundable = await refundableFee(uow, form.id);
      if (refundable <= 0) continue;
      cal ??= await this.calendar(uow);
      await openRefund(uow, cal, this.rt, {
        form,
        amountFen: refundable,
        source: 'fee',
        origin: 'unit',
        reason: `${reason}，已缴费用应予退还`,
      });
    }
  }

  async assertPaid(uow: UnitOfWork, c: CaseRow, point: PaymentPoint): Promise<void> {
    if (point === 'before_acceptance' && uow.actor.role === 'system') return;
    const items = (await chargedItemsOf(uow.db, c.id)).filter((i) =>
      (DUE_BY[point] as string[]).includes(i.paymentPoint),
    );
    if (!items.length) return;
    const forms = await uow.db
      .selectFrom('fee_forms')
      .select(['item_id', 'number', 'status', 'outstanding_fen'])
      .where('case_id', '=', c.id)
      .execute();
    const relaxed =
      point === 'before_delivery'
        ? new Set(
            (
              await uow.db
                .selectFrom('fee_item_settings')
                .select('item_id')
                .where(
                  'item_id',
                  'in',
                  items.map((i) => i.itemId),
                )
                .where('deliver_before_paid', '=', 1)
                .execute()
            ).map((r) => r.item_id),
          )
        : new Set<string>();
    const catalogue = await catalogueFor(
      uow.db,
      items.flatMap((i) => i.fees.map((f) => f.feeCode)),
    );
    const blocking: { zh: string; en: string; number: string | null }[] = [];
    for (const item of items) {
      if (relaxed.has(item.itemId)) continue;
      const mine = forms.filter((f) => f.item_id === item.itemId && f.status !== 'cancelled');
      for (const f of mine.filter((x) => x.status === 'open' && x.outstanding_fen > 0)) {
        blocking.push({
          zh: `缴款书${f.number}未缴清（尚欠 ¥${yuan(f.outstanding_fen)}）`,
          en: `payment form ${f.number} is unpaid (¥${yuan(f.outstanding_fen)} outstanding)`,
          number: f.number,
        });
      }
      if (!mine.length) {
        const plan = planLines(item.fees, catalogue, formQuantities(c.form));
        if (plan.lines.length || plan.missing.length || plan.invalid.length) {
          const need = [...plan.missing, ...plan.invalid].map((m) => m.feeCode).join('、');
          blocking.push({
            zh: `${item.name}的缴款书尚未开具${need ? `（需确定 ${need} 的数量）` : ''}`,
            en: `the payment form for ${item.name} has not been issued${need ? ` (quantity needed for ${need})` : ''}`,
            number: null,
          });
        }
      }
    }
    if (!blocking.length) return;
    throw new AppError(
      'invalid_state',
      { state: blocking.map((b) => b.zh).join('；'), action: ACTION[point], allowed: '缴清费用后办理' },
      [],
      {
        unpaidForms: blocking.flatMap((b) => (b.number ? [b.number] : [])),
        reasons: blocking.map((b) => b.en),
      },
    );
  }
}
