import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { prepared } from '../../db/prepared.js';

export const DEFAULT_YELLOW_PCT = 90;

// Every clock started asks this; the two shapes of the question are prepared once.
const oneScope = prepared((db, scope: string, id: string) =>
  db
    .selectFrom('supervision_thresholds')
    .select(['scope', 'yellow_pct'])
    .where('scope', '=', scope)
    .where('scope_id', '=', id),
);
const bothScopes = prepared((db, scopeA: string, idA: string, scopeB: string, idB: string) =>
  db
    .selectFrom('supervision_thresholds')
    .select(['scope', 'yellow_pct'])
    .where((eb) =>
      eb.or([
        eb.and([eb('scope', '=', scopeA), eb('scope_id', '=', idA)]),
        eb.and([eb('scope', '=', scopeB), eb('scope_id', '=', idB)]),
      ]),
    ),
);

/** The yellow threshold for a clock: the item's setting, else its department's, else the default 90%. */
export async function yellowThreshold(
  db: Kysely<Database>,
  itemId: string | null,
  departmentId: string | null,
): Promise<number> {
  const rows =
    itemId && departmentId
      ? await bothScopes(db, 'item', itemId, 'department', departmentId)
      : itemId
        ? await oneScope(db, 'item', itemId)
        : departmentId
          ? await oneScope(db, 'department', departmentId)
          : [];
  return (
    rows.find((r) => r.scope === 'item')?.yellow_pct ??
    rows.find((r) => r.scope === 'department')?.yellow_pct ??
    DEFAULT_YELLOW_PCT
  );
}
