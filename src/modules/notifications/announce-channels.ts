import type { Kysely } from 'kysely';
import type { Db } from '../../db/database.js';
import type { Database } from '../../db/schema.js';
import type { Clock } from '../../shared/clock.js';
import { inTransaction } from '../../db/commit-group.js';
import { CHANNEL_NAMES, type ChannelName } from './kinds.js';

/** How often a running instance says which channels it sends on. */
export const ANNOUNCE_EVERY_MS = 60_000;
/** How long an announcement counts: an instance gone this long no longer has notices expanded for its channels. */
export const CHANNEL_FRESH_MS = 10 * 60_000;

/**
 * Records that this instance can send on these channels, now. (Operational liveness, like a
 * heartbeat: no audit event.)
 */
export async function announceChannels(
  db: Db,
  clock: Clock,
  channels: readonly ChannelName[],
): Promise<void> {
  if (!channels.length) return;
  const seenAt = clock.now().toISOString();
  await inTransaction(db, (trx) =>
    trx
      .insertInto('notification_channels')
      .values(channels.map((channel) => ({ channel, seen_at: seenAt })))
      .onConflict((oc) => oc.column('channel').doUpdateSet((eb) => ({ seen_at: eb.ref('excluded.seen_at') })))
      .execute(),
  );
}

/** The channels some instance announced within CHANNEL_FRESH_MS of now. */
export async function announcedChannels(db: Kysely<Database>, now: Date): Promise<ChannelName[]> {
  const since = new Date(now.getTime() - CHANNEL_FRESH_MS).toISOString();
  const rows = await db
    .selectFrom('notification_channels')
    .select('channel')
    .where('seen_at', '>=', since)
    .execute();
  return rows
    .map((r) => r.channel)
    .filter((c): c is ChannelName => (CHANNEL_NAMES as readonly string[]).includes(c));
}
