import type { Db } from '../../db/database.js';
import { notFound } from '../../server/errors.js';
import { findDepartment } from '../catalogue/catalogue-reads.js';
import { findFormByCode, linesOf } from './repository.js';

/** What the simulated gateway's checkout shows for a payment code: the form, its lines, its department. */
export async function getCheckout(db: Db, paymentCode: string) {
  const form = await findFormByCode(db, paymentCode);
  if (!form) throw notFound('payment_form', paymentCode);
  const [department, lines] = await Promise.all([
    findDepartment(db, form.department_id),
    linesOf(db, [form.id]),
  ]);
  if (!department) throw new Error(`payment form ${form.number}: no department ${form.department_id}`);
  return { form, lines, departmentName: department.name };
}
