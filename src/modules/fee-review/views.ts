import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { presentLine, presentRound } from './presenter.js';
import { departmentNames, linesOf, type RoundRow } from './repository.js';

/** A round with its lines (one department's only, when given). */
export async function roundView(db: Kysely<Database>, r: RoundRow, departmentId?: string) {
  const lines = await linesOf(db, r.id, departmentId);
  const names = await departmentNames(
    db,
    lines.map((l) => l.department_id),
  );
  return presentRound(
    r,
    lines.map((l) => presentLine(l, names.get(l.department_id) ?? '')),
  );
}
