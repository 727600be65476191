import { notFound } from '../../../server/errors.js';
import { listDepartments } from '../../catalogue/catalogue-reads.js';
import type { ComplaintDeps } from '../complaint-deps.js';
import { findCategory, listCategoryRows } from '../repository.js';
import { checkJurisdiction } from './open311-input.js';
import { presentDefinition, presentService } from './present-open311.js';

/** GET services: every active category is a service. */
export async function listOpen311Services(deps: ComplaintDeps, q: { jurisdiction_id?: string }) {
  checkJurisdiction(deps, q.jurisdiction_id);
  return (await listCategoryRows(deps.db)).filter((c) => c.active === 1).map(presentService);
}

/** GET services/{code}: the one attribute a report needs here, the department it is about. */
export async function getOpen311Definition(
  deps: ComplaintDeps,
  code: string,
  q: { jurisdiction_id?: string },
) {
  checkJurisdiction(deps, q.jurisdiction_id);
  const c = await findCategory(deps.db, code);
  if (!c || c.active !== 1) throw notFound('complaint_category', code);
  return presentDefinition(c, await listDepartments(deps.db));
}
