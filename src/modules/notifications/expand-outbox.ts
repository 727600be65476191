import type { Insertable, Kysely, Selectable } from 'kysely';
import type { Db } from '../../db/database.js';
import type { Database } from '../../db/schema.js';
import type { DialectName } from '../../db/column-types.js';
import type { Clock } from '../../shared/clock.js';
import { systemActor } from '../../shared/actor.js';
import { newId } from '../../shared/ids.js';
import { audited, type UnitOfWork } from '../audit/audited-transaction.js';
import { describeError, UndeliverableError } from './errors.js';
import { NOTIFICATION_KINDS, type ChannelName } from './kinds.js';
import { addressesFor, lookUpApplicants, resolveRecipients } from './recipients.js';
import { checkPayload, parsePayload, render } from './render.js';
import type { Channel, OutgoingMessage } from './channels/channel.js';
import { scrubSecrets } from './scrub-secrets.js';
import { insertRows } from '../../db/insert-rows.js';
import { announcedChannels } from './announce-channels.js';

export interface ExpandResult {
  claimed: number;
  deliveries: number;
  rejected: number;
  /** Deliveries made at once, on channels written in this transaction (the inbox): delivered, or failed for good. */
  delivered: number;
  failed: number;
}

export const WORKER = systemActor('notifications');
const INSERT_CHUNK = 500;

/**
 * Turns pending outbox rows into one delivery per channel and address, at most batchSize rows, in
 * one transaction: the rows are claimed FOR UPDATE SKIP LOCKED on PostgreSQL and leave 'pending' in
 * the same transaction, so each is expanded exactly once whatever the number of instances. On SQLite
 * (one writer at a time) the reading and rendering come first, outside the write lock, and the
 * transaction checks that the rows are still pending before it writes. A row
 * that can never be delivered (unknown kind, wrong payload, no such case) is marked 'failed' and its
 * reason recorded as an audit event on the row; the rest of the batch goes on. A row nobody can be
 * reached for (a department without a head, an applicant who left no contact) is expanded into
 * nothing and listed as unreachable in the batch's audit event.
 *
 * Deliveries are made for every channel some instance announced lately (announce-channels.ts), not
 * only this one's: an instance without the SMS gateway's key still expands a notice for SMS, and the
 * instance that has it sends it.
 *
 * A channel that writes to this database (the inbox) is delivered on here and now, in the same
 * transaction: its delivery rows are recorded as delivered (attempt 1) and its messages written
 * beside them, so it needs no claim and no settlement. A row left with nothing pending has its
 * secrets scrubbed at once.
 */
export async function expandOutbox(
  db: Db,
  clock: Clock,
  channels: ReadonlyMap<ChannelName, Channel>,
  opts: {
    dialect: DialectName;
    batchSize: number;
    /** Tests: runs between the planning and the transaction on SQLite. */ beforeWrite?: () => Promise<void>;
  },
): Promise<ExpandResult> {
  const now = clock.now();
  const nowIso = now.toISOString();
  const pending = (reader: Kysely<Database>) => {
    let q = reader
      .selectFrom('notification_outbox')
      .selectAll()
      .where('status', '=', 'pending')
      .where('next_attempt_at', '<=', nowIso)
      .orderBy('next_attempt_at')
      .limit(opts.batchSize);
    if (opts.dialect === 'postgres') q = q.forUpdate().skipLocked();
    return q.execute();
  };
  if (opts.dialect === 'sqlite') {
    // One writer: everything but the writes is done before the transaction (a read never waits for
    // the write lock), so the lock is held for the writes alone. Inside, the rows are checked to be
    // still pending; if another writer took some meanwhile, the rest is planned again in there.
    const rows = await pending(db);
    if (rows.length === 0) return NOTHING;
    const planned = await planExpansion(db, rows, now, channels);
    await opts.beforeWrite?.();
    return audited(db, clock, WORKER, async (uow) => {
      const trx = uow.db;
      const ids = rows.map((r) => r.id);
      // (by the primary key: with the status in the WHERE, SQLite walks the status index instead)
      const still = new Set(
        (
          await trx
            .selectFrom('notification_outbox')
            .select(['id', 'status'])
            .where('id', 'in', ids)
            .execute()
        )
          .filter((r) => r.status === 'pending')
          .map((r) => r.id),
      );
      if (still.size === rows.length) return applyExpansion(uow, planned);
      const left = rows.filter((r) => still.has(r.id));
      if (!left.length) return uow.unchanged(NOTHING);
      return applyExpansion(uow, await planExpansion(trx, left, now, channels));
    });
  }
  return audited(db, clock, WORKER, async (uow) => {
    const rows = await pending(uow.db);
    if (rows.length === 0) return uow.unchanged(NOTHING);
    return applyExpansion(uow, await planExpansion(uow.db, rows, now, channels));
  });
}

const NOTHING: ExpandResult = { claimed: 0, deliveries: 0, rejected: 0, delivered: 0, failed: 0 };

type OutboxRow = Selectable<Database['notification_outbox']>;

/** What expanding these rows writes: worked out from reads only. */
interface ExpansionPlan {
  rows: readonly OutboxRow[];
  deliveries: Insertable<Database['notification_deliveries']>[];
  immediate: Map<Channel, { address: string; message: OutgoingMessage }[]>;
  settled: string[];
  expanded: string[];
  unreachable: string[];
  rejected: { id: string; kind: string; error: string }[];
}

async function planExpansion(
  reader: Kysely<Database>,
  rows: readonly OutboxRow[],
  now: Date,
  channels: ReadonlyMap<ChannelName, Channel>,
): Promise<ExpansionPlan> {
  const nowIso = now.toISOString();
  const available = new Set<ChannelName>([...channels.keys(), ...(await announcedChannels(reader, now))]);
  const plan: ExpansionPlan = {
    rows,
    deliveries: [],
    immediate: new Map(),
    settled: [],
    expanded: [],
    unreachable: [],
    rejected: [],
  };
  const applicants = await lookUpApplicants(reader, rows);
  for (const row of rows) {
    try {
      const payload = parsePayload(row.payload);
      const kind = checkPayload(row.kind, payload);
      const kindChannels = NOTIFICATION_KINDS[kind].channels.filter((c) => available.has(c));
      const addresses = addressesFor(await resolveRecipients(reader, row, applicants), kindChannels);
      if (addresses.length === 0) plan.unreachable.push(row.id);
      let pendingHere = 0;
      for (const a of addresses) {
        const id = newId(now.getTime());
        const channel = channels.get(a.channel);
        if (!channel?.writeWithin) {
          pendingHere++;
          plan.deliveries.push({
            id,
            outbox_id: row.id,
            channel: a.channel,
            address: a.address,
            status: 'pending',
            attempts: 0,
            last_error: null,
            next_attempt_at: nowIso,
            delivered_at: null,
            created_at: nowIso,
          });
          continue;
        }
        let message: OutgoingMessage | undefined;
        let error: string | null = null;
        try {
          message = {
            id,
            kind: row.kind,
            locale: a.locale,
            ...render(row.kind, payload, a.locale),
            subjectType: row.subject_type,
            subjectId: row.subject_id,
            createdAt: row.created_at,
            payload: row.payload,
          };
        } catch (err) {
          error = describeError(err);
        }
        if (message) {
          const list = plan.immediate.get(channel) ?? [];
          list.push({ address: a.address, message });
          plan.immediate.set(channel, list);
        }
        plan.deliveries.push({
          id,
          outbox_id: row.id,
          channel: a.channel,
          address: a.address,
          status: message ? 'delivered' : 'failed',
          attempts: 1,
          last_error: error,
          next_attempt_at: null,
          delivered_at: message ? nowIso : null,
          created_at: nowIso,
        });
      }
      if (addresses.length > 0 && pendingHere === 0) plan.settled.push(row.id);
      plan.expanded.push(row.id);
    } catch (err) {
      if (!(err instanceof UndeliverableError)) throw err;
      plan.rejected.push({ id: row.id, kind: row.kind.slice(0, 60), error: err.message });
    }
  }
  return plan;
}

async function applyExpansion(uow: UnitOfWork, plan: ExpansionPlan): Promise<ExpandResult> {
  const trx = uow.db;
  const { deliveries, rejected, expanded, unreachable, settled } = plan;
  for (let i = 0; i < deliveries.length; i += INSERT_CHUNK)
    await insertRows(trx, 'notification_deliveries', deliveries.slice(i, i + INSERT_CHUNK));
  let delivered = 0;
  for (const [channel, items] of plan.immediate) {
    await channel.writeWithin!(trx, items);
    delivered += items.length;
  }
  const failed = deliveries.filter((d) => d.status === 'failed').length;
  const mark = async (ids: string[], status: string) => {
    if (ids.length)
      await trx
        .updateTable('notification_outbox')
        .set((eb) => ({ status, attempts: eb('attempts', '+', 1), next_attempt_at: null }))
        .where('id', 'in', ids)
        .execute();
  };
  await mark(expanded, 'expanded');
  await mark(
    rejected.map((r) => r.id),
    'failed',
  );
  await scrubSecrets(trx, [...unreachable, ...rejected.map((r) => r.id), ...settled], plan.rows);
  await uow.audit({
    action: 'notification.expanded',
    entityType: 'notification_outbox',
    entityId: 'batch',
    data: {
      expanded: expanded.length,
      deliveries: deliveries.length,
      delivered,
      failed,
      unreachable,
      rejected: rejected.map((r) => r.id),
    },
  });
  for (const r of rejected) {
    await uow.audit({
      action: 'notification.rejected',
      entityType: 'notification_outbox',
      entityId: r.id,
      data: { kind: r.kind, error: r.error },
    });
  }
  return {
    claimed: plan.rows.length,
    deliveries: deliveries.length,
    rejected: rejected.length,
    delivered,
    failed,
  };
}
