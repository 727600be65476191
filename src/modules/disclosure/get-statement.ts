import { notFound } from '../../server/errors.js';
import type { DisclosureDeps } from './disclosure-deps.js';
import { statementView } from './presenter.js';
import { filesOf, findStatement, findVillage } from './repository-villages.js';

/** A published statement with its totals and attachments. Public. */
export async function getStatement(deps: DisclosureDeps, id: string) {
  const s = await findStatement(deps.db, id);
  if (!s) throw notFound('disclosure_statement', id);
  const v = (await findVillage(deps.db, s.village_id))!;
  return statementView(s, v, await filesOf(deps.db, s.id));
}
