import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { Actor } from '../../shared/actor.js';
import { authorize } from '../../shared/policy.js';
import { audited } from '../audit/audited-transaction.js';
import { AppError, notFound } from '../../server/errors.js';
import { yuan } from '../documents/money-text.js';
import { applyPayment, DuplicateReference } from './apply-payment.js';
import { issueReceipts } from './issue-receipt.js';
import { feePolicy } from './policy.js';
import { lockForm } from './repository.js';
import type { FeeRuntime } from './runtime.js';
import { newId, sha256 } from '../../shared/ids.js';
import { canonicalJson } from '../../shared/json.js';

type Q = Kysely<Database>;

export interface CounterPaymentInput {
  method: 'cash' | 'pos';
  amountFen: number;
  reference?: string;
}

const invalid = (path: string, code: string, zh: string, en: string) =>
  new AppError('validation_failed', { summary: path }, [{ path, code, zh, en }]);

/**
 * Payment at the counter: cash, or a bank card on the POS terminal with the slip's reference. The
 * clerk records what the form asks for at most (change is given in cash); partial payments are
 * allowed. The same POS reference is never recorded twice.
 */
export async function recordCounterPayment(
  rt: FeeRuntime,
  actor: Actor,
  formId: string,
  input: CounterPaymentInput,
  idempotencyKey?: string,
) {
  authorize(actor, feePolicy.collectAtCounter, undefined, 'fee.collect_at_counter');
  const reference = input.reference?.trim() || null;
  if (input.method === 'pos' && !reference)
    throw invalid(
      '/body/reference',
      'reference_required',
      'POS 刷卡须录入交易参考号',
      'A POS payment needs the slip reference',
    );
  const requestHash = sha256(canonicalJson({ formId, ...input }));
  const earlier = (db: Q = rt.db) =>
    idempotencyKey ? replay(db, actor.id!, idempotencyKey, requestHash) : Promise.resolve(undefined);
  const prior = await earlier();
  if (prior) return prior;
  const cal = await rt.calendars.get();
  try {
    return await audited(rt.db, rt.clock, actor, async (uow) => {
      const form = await lockForm(uow.db, formId);
      if (!form) throw notFound('payment_form', formId);
      // An identical retry that raced the first waited for the form's lock (PostgreSQL) or its turn
      // at the write connection (SQLite): the first has committed by now, and its answer is this one's.
      const raced = await earlier(uow.db);
      if (raced) return uow.unchanged(raced);
      if (form.status !== 'open')
        throw new AppError('invalid_state', {
          state: form.status,
          action: 'collect',
          allowed: form.status === 'settled' ? 'refund' : '—',
        });
      if (input.amountFen > form.outstanding_fen)
        throw invalid(
          '/body/amountFen',
          'exceeds_outstanding',
          `应缴余额为 ¥${yuan(form.outstanding_fen)}，多收部分请当场找零`,
          `Only ¥${yuan(form.outstanding_fen)} is outstanding; give change for the rest`,
        );
      const paymentId = newId(uow.now.getTime());
      // The key goes in first: a second request with it fails here and finds the first's payment.
      if (idempotencyKey)
        await uow.db
          .insertInto('fee_counter_requests')
          .values({
            actor_id: actor.id!,
            key: idempotencyKey,
            request_hash: requestHash,
            form_id: form.id,
            payment_id: paymentId,
            created_at: uow.nowIso,
          })
          .execute();
      const out = await applyPayment(uow, cal, rt, form, {
        channel: input.method === 'cash' ? 'counter_cash' : 'counter_pos',
        gateway: null,
        reference,
        amountFen: input.amountFen,
        paidAt: uow.nowIso,
        paymentId,
      });
      const receipt = out.receipt ? (await issueReceipts(uow, [out.receipt]))[0]! : null;
      await uow.audit({
        action: 'payment.counter_recorded',
        entityType: 'fee_form',
        entityId: form.id,
        data: {
          number: form.number,
          method: input.method,
          amountFen: input.amountFen,
          reference,
          receipt: receipt?.number ?? null,
        },
      });
      return { ...out, receipt, replayed: false };
    });
  } catch (e) {
    if (e instanceof DuplicateReference)
      throw new AppError('already_exists', { resource: 'payment', id: reference ?? '' });
    // Two identical retries racing: the loser finds the winner's payment.
    if (idempotencyKey && /unique|duplicate|constraint/i.test((e as Error).message)) {
      const raced = await earlier();
      if (raced) return raced;
    }
    throw e;
  }
}

/** The outcome of the payment a key already made, or a 400 if the key came with another request. */
async function replay(db: Q, actorId: string, key: string, requestHash: string) {
  const r = await db
    .selectFrom('fee_counter_requests')
    .selectAll()
    .where('actor_id', '=', actorId)
    .where('key', '=', key)
    .executeTakeFirst();
  if (!r) return undefined;
  if (r.request_hash !== requestHash) {
    throw new AppError('validation_failed', { summary: 'Idempotency-Key' }, [
      {
        path: '/headers/idempotency-key',
        code: 'idempotency_key_reused',
        zh: '该幂等键已用于另一笔不同的收款',
        en: 'This Idempotency-Key was used for a different payment',
      },
    ]);
  }
  const [form, payment, receipt, refund] = await Promise.all([
    db.selectFrom('fee_forms').selectAll().where('id', '=', r.form_id).executeTakeFirstOrThrow(),
    db.selectFrom('fee_payments').selectAll().where('id', '=', r.payment_id).executeTakeFirstOrThrow(),
    db
      .selectFrom('fee_receipts')
      .selectAll()
      .where('payment_id', '=', r.payment_id)
      .orderBy('issued_at')
      .executeTakeFirst(),
    db
      .selectFrom('fee_refunds')
      .selectAll()
      .where('payment_id', '=', r.payment_id)
      .where('origin', '=', 'overpayment')
      .executeTakeFirst(),
  ]);
  return { form, payment, receipt: receipt ?? null, refund: refund ?? null, replayed: true };
}
