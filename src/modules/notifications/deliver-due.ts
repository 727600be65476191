import type { Db } from '../../db/database.js';
import type { DialectName } from '../../db/column-types.js';
import type { Clock } from '../../shared/clock.js';
import type { OutboxTable } from '../../db/schema.js';
import type { Channel, OutgoingMessage } from './channels/channel.js';
import { claimDeliveries, type ClaimedDelivery } from './claim-deliveries.js';
import { describeError, PermanentDeliveryError, UndeliverableError } from './errors.js';
import { CHANNEL_NAMES, type ChannelName } from './kinds.js';
import { addressesFor, lookUpApplicants, resolveRecipients } from './recipients.js';
import { parsePayload, render, type Locale } from './render.js';
import { settleDeliveries, type Outcome, type SettleResult } from './settle-deliveries.js';

export interface DeliverResult extends SettleResult {
  claimed: number;
}

interface Source {
  row: OutboxTable;
  /** channel|address → the recipient's language, as it is now. */
  locales: Map<string, Locale>;
}

const key = (channel: string, address: string) => `${channel}|${address.toLowerCase()}`;

/**
 * One batch of due deliveries on the channels this instance has: claim (short transaction), send
 * (no transaction, a few at a time), settle (short transaction).
 */
export async function deliverDue(
  db: Db,
  clock: Clock,
  channels: ReadonlyMap<ChannelName, Channel>,
  opts: { dialect: DialectName; batchSize: number; concurrency: number },
): Promise<DeliverResult> {
  const claimed = await claimDeliveries(db, clock, { ...opts, channels: [...channels.keys()] });
  if (claimed.length === 0) return { claimed: 0, delivered: 0, retrying: 0, failed: 0, lost: 0 };
  const sources = await loadSources(db, claimed);
  const prepared = claimed.map((d) => prepare(d, sources.get(d.outbox_id), channels));
  const outcomes: Outcome[] = prepared
    .map((p) => ('ok' in p ? p : undefined))
    .filter((o): o is Outcome => !!o);
  const ready = prepared.filter((p): p is Ready => !('ok' in p));
  // Channels that take a batch (the inbox: one insert) get theirs at once; the rest a few at a time.
  for (const channel of channels.values()) {
    const mine = ready.filter((r) => r.channel === channel);
    if (!mine.length || !channel.sendMany) continue;
    const errors = await channel
      .sendMany(mine.map((r) => ({ address: r.delivery.address, message: r.message })))
      .catch((err: unknown) => mine.map(() => err));
    mine.forEach((r, i) =>
      outcomes.push(errors[i] ? failure(r.delivery, errors[i]) : { delivery: r.delivery, ok: true }),
    );
  }
  outcomes.push(
    ...(await mapLimit(
      ready.filter((r) => !r.channel.sendMany),
      opts.concurrency,
      (r) => send(r),
    )),
  );
  return { claimed: claimed.length, ...(await settleDeliveries(db, clock, outcomes)) };
}

/**
 * The outbox rows behind the batch and each recipient's language. The deliveries table has no
 * language column, so recipients are resolved again: a changed locale is honoured, and an address
 * no longer found (a changed phone, an applicant without an account) reads Chinese.
 */
async function loadSources(db: Db, claimed: ClaimedDelivery[]): Promise<Map<string, Source>> {
  const rows = await db
    .selectFrom('notification_outbox')
    .selectAll()
    .where('id', 'in', [...new Set(claimed.map((d) => d.outbox_id))])
    .execute();
  const out = new Map<string, Source>();
  const applicants = await lookUpApplicants(db, rows);
  for (const row of rows) {
    const recipients = await resolveRecipients(db, row, applicants).catch((err: unknown) => {
      if (err instanceof UndeliverableError) return [];
      throw err;
    });
    out.set(row.id, {
      row,
      locales: new Map(
        addressesFor(recipients, CHANNEL_NAMES).map((a) => [key(a.channel, a.address), a.locale]),
      ),
    });
  }
  return out;
}

interface Ready {
  delivery: ClaimedDelivery;
  channel: Channel;
  message: OutgoingMessage;
}

/** The message a delivery sends, rendered in its recipient's language; or why it cannot be sent. */
function prepare(
  d: ClaimedDelivery,
  source: Source | undefined,
  channels: ReadonlyMap<ChannelName, Channel>,
): Ready | Outcome {
  const channel = channels.get(d.channel as ChannelName);
  if (!channel)
    return {
      delivery: d,
      ok: false,
      error: `channel "${d.channel}" is not configured on this instance`,
      permanent: false,
    };
  if (!source)
    return { delivery: d, ok: false, error: `outbox row ${d.outbox_id} no longer exists`, permanent: true };
  const { row, locales } = source;
  const locale = locales.get(key(d.channel, d.address)) ?? 'zh-CN';
  try {
    const text = render(row.kind, parsePayload(row.payload), locale);
    return {
      delivery: d,
      channel,
      message: {
        id: d.id,
        kind: row.kind,
        locale,
        ...text,
        subjectType: row.subject_type,
        subjectId: row.subject_id,
        createdAt: row.created_at,
        payload: row.payload,
      },
    };
  } catch (err) {
    return { delivery: d, ok: false, error: describeError(err), permanent: true };
  }
}

const failure = (d: ClaimedDelivery, err: unknown): Outcome => ({
  delivery: d,
  ok: false,
  error: describeError(err),
  permanent: err instanceof PermanentDeliveryError,
});

async function send(r: Ready): Promise<Outcome> {
  try {
    await r.channel.send(r.delivery.address, r.message);
    return { delivery: r.delivery, ok: true };
  } catch (err) {
    return failure(r.delivery, err);
  }
}

async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return results;
}
