import type { Actor } from '../../shared/actor.js';
import { authorize } from '../../shared/policy.js';
import { audited } from '../audit/audited-transaction.js';
import { AppError, notFound, type FieldError } from '../../server/errors.js';
import { findCase } from '../cases/case-reads.js';
import { catalogueFor, chargedItemsOf } from './case-items.js';
import { formQuantities, planLines, REFUSAL_TEXT, type Refusal } from './fee-lines.js';
import { issueForm } from './issue-form.js';
import { feePolicy } from './policy.js';
import { recordRefusedCharges } from './refuse-charge.js';
import type { FormRow } from './repository.js';
import type { FeeRuntime } from './runtime.js';

export interface IssueInput {
  itemId?: string;
  /** quantities per fee code (平方米, 台, 件 …); they override the case form's feeQuantities */
  quantities?: Record<string, number>;
  /** charge only these of the item's fee lines (default: all of them) */
  feeCodes?: string[];
}

const OPEN_STATES = ['received', 'awaiting_supplement', 'under_review', 'decided'];

class Refused extends Error {
  constructor(
    readonly refused: Refusal[],
    readonly c: { id: string; receipt_no: string; lead_department_id: string },
  ) {
    super('refused');
  }
}

/**
 * A clerk issues a case's payment form by hand: when the case form lacks a quantity, or a form was
 * cancelled to be issued again. Only the item version's published fee lines can be charged; asking
 * for anything else is refused, recorded and signalled (and nothing is issued).
 */
export async function issueCaseForm(
  rt: FeeRuntime,
  actor: Actor,
  caseId: string,
  input: IssueInput,
): Promise<FormRow> {
  const cal = await rt.calendars.get();
  try {
    return await audited(rt.db, rt.clock, actor, async (uow) => {
      const c = await findCase(uow.db, caseId);
      if (!c) throw notFound('case', caseId);
      const items = await chargedItemsOf(uow.db, c.id);
      const item = input.itemId
        ? items.find((i) => i.itemId === input.itemId)
        : items.length === 1
          ? items[0]
          : undefined;
      authorize(actor, feePolicy.issue, item?.departmentId ?? c.lead_department_id, 'fee_form.issue');
      const asked = input.feeCodes ?? [];
      if (!item) {
        if (asked.length)
          throw new Refused(
            asked.map((feeCode) => ({ feeCode, reason: 'not_on_item' })),
            c,
          );
        throw new AppError('validation_failed', { summary: '/body/itemId' }, [
          {
            path: '/body/itemId',
            code: items.length ? 'item_required' : 'no_fees',
            zh: items.length ? '本案涉及多个收费事项，请指明事项' : '本案事项不收费',
            en: items.length
              ? 'The case has several charged items: name one'
              : 'No item of this case carries a fee',
          },
        ]);
      }
      const foreign = asked.filter((code) => !item.fees.some((f) => f.feeCode === code));
      if (foreign.length)
        throw new Refused(
          foreign.map((feeCode) => ({ feeCode, reason: 'not_on_item' })),
          c,
        );
      if (!OPEN_STATES.includes(c.state))
        throw new AppError('invalid_state', { state: c.state, action: 'issue_fee_form', allowed: '—' });
      const existing = await uow.db
        .selectFrom('fee_forms')
        .select('number')
        .where('case_id', '=', c.id)
        .where('item_id', '=', item.itemId)
        .where('status', '!=', 'cancelled')
        .executeTakeFirst();
      if (existing) throw new AppError('already_exists', { resource: 'payment_form', id: existing.number });
      const lines = asked.length ? item.fees.filter((f) => asked.includes(f.feeCode)) : item.fees;
      const plan = planLines(
        lines,
        await catalogueFor(
          uow.db,
          lines.map((l) => l.feeCode),
        ),
        { ...formQuantities(c.form), ...(input.quantities ?? {}) },
      );
      if (plan.refused.length) throw new Refused(plan.refused, c);
      const errors: FieldError[] = [
        ...plan.missing.map((m) => ({
          path: `/body/quantities/${m.feeCode}`,
          code: 'quantity_required',
          zh: `请填写 ${m.feeCode} 的计费数量（${m.unit}）`,
          en: `Give the quantity for ${m.feeCode} (${m.unit})`,
        })),
        ...plan.invalid.map((m) => ({
          path: `/body/quantities/${m.feeCode}`,
          code: 'quantity_invalid',
          zh: m.zh,
          en: m.en,
        })),
      ];
      if (errors.length)
        throw new AppError('validation_failed', { summary: errors.map((e) => e.path).join(', ') }, errors);
      if (!plan.lines.length)
        throw new AppError('validation_failed', { summary: '/body/quantities' }, [
          {
            path: '/body/quantities',
            code: 'nothing_to_charge',
            zh: '所有收费项目数量均为 0，无需开具缴款书',
            en: 'Every quantity is 0: there is nothing to charge',
          },
        ]);
      return issueForm(
        uow,
        cal,
        rt.config.dueDays,
        c,
        {
          itemId: item.itemId,
          versionId: item.versionId,
          departmentId: item.departmentId,
          paymentPoint: item.paymentPoint,
        },
        plan.lines,
      );
    });
  } catch (e) {
    if (!(e instanceof Refused)) throw e;
    await audited(rt.db, rt.clock, actor, (uow) =>
      recordRefusedCharges(uow, e.c, e.refused, 'issue_fee_form'),
    );
    const first = e.refused[0]!;
    throw new AppError(
      'fee_not_chargeable',
      { feeCode: e.refused.map((r) => r.feeCode).join('、'), reason: REFUSAL_TEXT[first.reason].zh },
      e.refused.map((r, i) => ({
        path: `/body/feeCodes/${i}`,
        code: r.reason,
        zh: `${r.feeCode}：${REFUSAL_TEXT[r.reason].zh}`,
        en: `${r.feeCode}: ${REFUSAL_TEXT[r.reason].en}`,
      })),
    );
  }
}
