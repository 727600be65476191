import type { UnitOfWork } from '../audit/audited-transaction.js';
import type { WorkingCalendar } from '../clock/calendar/working-calendar.js';
import { localDate } from '../clock/local-time.js';
import { maskCreditCode, maskIdNumber } from '../identity/presenter.js';
import type { CaseRow } from '../cases/case-reads.js';
import { nextNumber } from '../cases/counters.js';
import { newId } from '../../shared/ids.js';
import { toJson } from '../../shared/json.js';
import { formNumber, newPaymentCode } from './codes.js';
import type { PlannedLine } from './fee-lines.js';
import { postLedger } from './ledger.js';
import type { FormRow } from './repository.js';
import { enqueueNotifications } from '../supervision/signals.js';
import { refuseSupersededLines } from './superseded-fees.js';

export interface FormTarget {
  itemId: string;
  versionId: string;
  departmentId: string;
  paymentPoint: string;
}

const quantityText = (l: PlannedLine): string =>
  `${Number.isInteger(l.quantity) ? l.quantity : l.quantity.toString()} ${l.unit}`;

/**
 * Issues one payment form (缴款书) for one item of a case inside the caller's unit of work: numbered
 * per year, with a random payment code, the lines with their basis and standard copied from the
 * catalogue as they stand today, a due date in working days, and a charge in the ledger per line.
 * A fee abolished or reduced from today (清理收费) is refused at its old standard.
 */
export async function issueForm(
  uow: UnitOfWork,
  cal: WorkingCalendar,
  dueDays: number,
  c: CaseRow,
  target: FormTarget,
  lines: PlannedLine[],
): Promise<FormRow> {
  await refuseSupersededLines(uow, lines);
  const year = localDate(uow.now).slice(0, 4);
  const number = formNumber(year, await nextNumber(uow.db, `fee:form:${year}`));
  const id = newId(uow.now.getTime());
  const charged = lines.reduce((s, l) => s + l.amountFen, 0);
  const masked =
    (c.applicant_kind === 'enterprise'
      ? maskCreditCode(c.applicant_id_number)
      : maskIdNumber(c.applicant_id_number)) ?? '';
  const form: FormRow = {
    id,
    case_id: c.id,
    item_id: target.itemId,
    item_version_id: target.versionId,
    department_id: target.departmentId,
    number,
    payment_code: newPaymentCode(),
    payment_point: target.paymentPoint,
    payer_name: c.applicant_name,
    payer_id_masked: masked,
    status: 'open',
    charged_fen: charged,
    waived_fen: 0,
    paid_fen: 0,
    outstanding_fen: charged,
    due_date: cal.addWorkingDays(localDate(uow.now), dueDays),
    issued_at: uow.nowIso,
    issued_by: uow.actor.id,
    settled_at: null,
    cancelled_at: null,
    cancel_reason: null,
    version: 1,
  };
  await uow.db.insertInto('fee_forms').values(form).execute();
  const rows = lines.map((l, i) => ({
    id: newId(uow.now.getTime()),
    form_id: id,
    seq: i + 1,
    fee_id: l.fee.id,
    fee_code: l.fee.code,
    fee_name: l.fee.name,
    department_id: l.fee.department_id,
    basis: l.fee.basis,
    standard: l.fee.standard,
    rule: toJson(l.rule),
    quantity: quantityText(l),
    unit: l.unit,
    note: l.note,
    charged_fen: l.amountFen,
    waived_fen: 0,
    paid_fen: 0,
    held_fen: 0,
    remitted_fen: 0,
    refunded_fen: 0,
    waiver_basis: null,
    waiver_reason: null,
  }));
  await uow.db.insertInto('fee_form_lines').values(rows).execute();
  await postLedger(
    uow.db,
    uow.now,
    rows.map((r) => ({
      kind: 'charge',
      amount: r.charged_fen,
      caseId: c.id,
      formId: id,
      departmentId: target.departmentId,
      lineId: r.id,
      feeCode: r.fee_code,
      refType: 'form',
      refId: id,
    })),
  );
  await uow.audit({
    action: 'fee_form.issued',
    entityType: 'fee_form',
    entityId: id,
    data: {
      number,
      caseId: c.id,
      receiptNo: c.receipt_no,
      chargedFen: charged,
      lines: rows.map((r) => ({ feeCode: r.fee_code, quantity: r.quantity, fen: r.charged_fen })),
    },
  });
  if (charged > 0) {
    await enqueueNotifications(
      uow.db,
      [
        {
          kind: 'fee_form_issued',
          recipientType: 'applicant',
          recipientId: c.id,
          subjectType: 'case',
          subjectId: c.id,
          payload: {
            receiptNo: c.receipt_no,
            title: c.title,
            formNumber: number,
            amountFen: charged,
            dueDate: form.due_date,
            paymentCode: form.payment_code,
          },
        },
      ],
      uow.nowIso,
    );
  }
  return form;
}
