import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { PaymentChannel } from './gateway/payment-channel.js';
import { presentForm, presentPayment, presentReceipt, presentRefund } from './presenter.js';
import { findForm, linesOf, paymentsOf, receiptsOf, refundsOf, type FormRow } from './repository.js';

/** The online channel a payer is sent to: the configured gateway, else the simulator. */
export const checkoutOf = (
  channels: PaymentChannel[],
  f: Pick<FormRow, 'number' | 'payment_code' | 'outstanding_fen'>,
): string | null => {
  const online = channels.find((c) => c.kind === 'online' && c.checkoutUrl);
  return (
    online?.checkoutUrl?.({
      number: f.number,
      paymentCode: f.payment_code,
      outstandingFen: f.outstanding_fen,
    }) ?? null
  );
};

/** Forms with their lines, payments, receipts and refunds, presented. */
export async function loadForms(db: Kysely<Database>, channels: PaymentChannel[], forms: FormRow[]) {
  const ids = forms.map((f) => f.id);
  const [lines, payments, receipts, refunds] = await Promise.all([
    linesOf(db, ids),
    paymentsOf(db, ids),
    receiptsOf(db, ids),
    refundsOf(db, ids),
  ]);
  const itemIds = [...new Set(forms.map((f) => f.item_version_id))];
  const [versions, depts, cases] = await Promise.all([
    itemIds.length
      ? db.selectFrom('item_versions').select(['id', 'name']).where('id', 'in', itemIds).execute()
      : [],
    forms.length
      ? db
          .selectFrom('departments')
          .select(['id', 'name'])
          .where('id', 'in', [...new Set(forms.map((f) => f.department_id))])
          .execute()
      : [],
    forms.length
      ? db
          .selectFrom('cases')
          .select(['id', 'receipt_no'])
          .where('id', 'in', [...new Set(forms.map((f) => f.case_id))])
          .execute()
      : [],
  ]);
  const name = new Map(versions.map((v) => [v.id, v.name]));
  const dept = new Map(depts.map((d) => [d.id, d.name]));
  const receiptNo = new Map(cases.map((c) => [c.id, c.receipt_no]));
  return forms.map((f) => ({
    ...presentForm(
      f,
      lines.filter((l) => l.form_id === f.id),
      {
        itemName: name.get(f.item_version_id) ?? null,
        departmentName: dept.get(f.department_id) ?? null,
        receiptNo: receiptNo.get(f.case_id) ?? null,
        checkoutUrl: checkoutOf(channels, f),
      },
    ),
    payments: payments.filter((p) => p.form_id === f.id).map(presentPayment),
    receipts: receipts.filter((r) => r.form_id === f.id).map(presentReceipt),
    refunds: refunds.filter((r) => r.form_id === f.id).map((r) => presentRefund(r, f.number)),
  }));
}

/** A form as it stands now, presented: the answer to a change its caller was allowed to make. */
export async function loadForm(db: Kysely<Database>, channels: PaymentChannel[], formId: string) {
  return (await loadForms(db, channels, [(await findForm(db, formId))!]))[0]!;
}
