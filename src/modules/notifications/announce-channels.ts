import type { Kysely } from 'kysely';
import type { Db } from '../../db/database.js';
import type { Database } from '../../db/schema.js';
import type { Clock } from '../../shared/clock.js';
import { audited } from '../audit/audited-transaction.js';
import { systemActor } from '../../shared/actor.js';
import { CHANNEL_NAMES, type ChannelName } from './kinds.js';

/** How often a running instance says which channels it sends on. */
export const ANNOUNCE_EVERY_MS = 60_000;
/** How long an announcement counts: an instance gone this long no longer has notices expanded for its channels. */
export const CHANNEL_FRESH_MS = 10 * 60_000;

/**
 * Records that this instance can send on these channels, now: what other instances expand notices
 * for, so it is audited like any change (one small event a minute per instance).
 */
export async function announceChannels(
  db: Db,
  clock: Clock,
  channels: readonly ChannelName[],
): Promise<void> {
  if (!channels.length) return;
  await audited(db, clock, systemActor('notifications'), async (uow) => {
    await uow.db
      .insertInto('notification_channels')
      .values(channels.map((channel) => ({ channel, seen_at: uow.nowIso })))
      .onConflict((oc) => oc.column('channel').doUpdateSet((eb) => ({ seen_at: eb.ref('excluded.seen_at') })))
      .execute();
    await uow.audit({
      action: 'notification.channels_announced',
      entityType: 'notification_channels',
      entityId: 'instance',
      data: { channels: [...channels] },
    });
  });
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
