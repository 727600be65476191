import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { toJson } from '../../shared/json.js';
import { SECRET_PAYLOAD_FIELDS } from './kinds.js';
import { directStatements } from '../../db/database.js';

/**
 * Once an outbox row has nothing left to deliver, the secrets in its payload (the check code) have
 * served their purpose and are removed, so the outbox does not keep a readable copy of them.
 */
export async function scrubSecrets(
  db: Kysely<Database>,
  outboxIds: string[],
  known?: readonly { id: string; payload: string }[],
): Promise<void> {
  if (outboxIds.length === 0) return;
  const wanted = new Set(outboxIds);
  // The caller may hold the rows already, read in this transaction.
  const rows = known
    ? known.filter((r) => wanted.has(r.id))
    : await db
        .selectFrom('notification_outbox')
        .select(['id', 'payload'])
        .where('id', 'in', outboxIds)
        .execute();
  const changed: { id: string; payload: string }[] = [];
  for (const row of rows) {
    let payload: unknown;
    try {
      payload = JSON.parse(row.payload);
    } catch {
      continue;
    }
    if (
      !payload ||
      typeof payload !== 'object' ||
      !SECRET_PAYLOAD_FIELDS.some((f) => Object.hasOwn(payload as object, f))
    )
      continue;
    const kept = Object.fromEntries(
      Object.entries(payload).filter(([k]) => !(SECRET_PAYLOAD_FIELDS as readonly string[]).includes(k)),
    );
    changed.push({ id: row.id, payload: toJson(kept) });
  }
  if (!changed.length) return;
  // SQLite, in a transaction: a cached one-row update each (no round trips; a CASE over the batch
  // compares every row with every branch).
  const direct = directStatements(db);
  if (direct) {
    for (const c of changed)
      direct.run('update "notification_outbox" set "payload" = ? where "id" = ?', [c.payload, c.id]);
    return;
  }
  // One statement for the batch (a round trip each would dominate on PostgreSQL).
  await sql`update notification_outbox set payload = case id ${sql.join(
    changed.map((c) => sql`when ${c.id} then ${c.payload}`),
    sql` `,
  )} end
    where id in (${sql.join(changed.map((c) => c.id))})`.execute(db);
}

/** Scrubs those of these outbox rows that have no delivery left pending (the last one just settled). */
export async function scrubSettled(db: Kysely<Database>, outboxIds: readonly string[]): Promise<void> {
  const ids = [...new Set(outboxIds)];
  if (ids.length === 0) return;
  const open = new Set(
    (
      await db
        .selectFrom('notification_deliveries')
        .select('outbox_id')
        .distinct()
        .where('outbox_id', 'in', ids)
        .where('status', '=', 'pending')
        .execute()
    ).map((r) => r.outbox_id),
  );
  await scrubSecrets(
    db,
    ids.filter((id) => !open.has(id)),
  );
}
