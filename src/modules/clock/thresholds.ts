import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

export const DEFAULT_YELLOW_PCT = 90;

/** The yellow threshold for a clock: the item's setting, else its department's, else the default 90%. */
export async function yellowThreshold(db: Kysely<Database>, itemId: string | null, departmentId: string | null): Promise<number> {
  const keys = [itemId ? ['item', itemId] : null, departmentId ? ['department', departmentId] : null].filter((k): k is string[] => k !== null);
  if (keys.length === 0) return DEFAULT_YELLOW_PCT;
  const rows = await db.selectFrom('supervision_thresholds').select(['scope', 'yellow_pct'])
    .where((eb) => eb.or(keys.map(([scope, id]) => eb.and([eb('scope', '=', scope!), eb('scope_id', '=', id!)])))).execute();
  return rows.find((r) => r.scope === 'item')?.yellow_pct ?? rows.find((r) => r.scope === 'department')?.yellow_pct ?? DEFAULT_YELLOW_PCT;
}
