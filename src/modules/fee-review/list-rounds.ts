import type { Actor } from '../../shared/actor.js';
import { authorize, isRole } from '../../shared/policy.js';
import { fromJson } from '../../shared/json.js';
import { notFound } from '../../server/errors.js';
import { localDate } from '../clock/local-time.js';
import type { ConductDeps } from '../commitments/commitment-deps.js';
import { feeReviewPolicy } from './policy.js';
import { presentLine } from './presenter.js';
import {
  catalogueVersionRows,
  departmentNames,
  findLine,
  findRound,
  listRounds,
  publicChanges,
} from './repository.js';
import { roundView } from './views.js';

const own = (a: Actor) => (isRole(a, 'admin', 'supervisor', 'system') ? undefined : a.departmentId!);

export async function listFeeReviewRounds(deps: ConductDeps, actor: Actor) {
  authorize(actor, feeReviewPolicy.list, undefined, 'feereview.list');
  const rows = await listRounds(deps.db);
  return { items: rows.map((r) => ({ id: r.id, title: r.title, state: r.state, createdAt: r.created_at })) };
}

/** A round: the authority and supervisors see every line, a department its own fees. */
export async function getFeeReviewRound(deps: ConductDeps, actor: Actor, id: string) {
  authorize(actor, feeReviewPolicy.list, undefined, 'feereview.read');
  const r = await findRound(deps.db, id);
  if (!r) throw notFound('fee review round', id);
  return roundView(deps.db, r, own(actor));
}

export async function getLine(deps: ConductDeps, actor: Actor, id: string) {
  authorize(actor, feeReviewPolicy.list, undefined, 'feereview.read');
  const l = await findLine(deps.db, id);
  const dept = own(actor);
  if (!l || (dept && l.department_id !== dept)) throw notFound('fee review line', id);
  return presentLine(l, (await departmentNames(deps.db, [l.department_id])).get(l.department_id) ?? '');
}

/** The public list of fees abolished and reduced, with dates and the yearly amount saved. */
export async function listFeeChanges(deps: ConductDeps) {
  const rows = await publicChanges(deps.db);
  const names = await departmentNames(
    deps.db,
    rows.map((r) => r.department_id),
  );
  const today = localDate(deps.clock.now());
  const items = rows.map((r) => ({
    feeCode: r.fee_code,
    feeName: r.fee_name,
    departmentName: names.get(r.department_id) ?? '',
    change: r.proposal as 'reduce' | 'abolish',
    oldStandard: r.standard,
    newStandard: r.new_standard,
    effectiveDate: r.effective_date!,
    inForce: r.effective_date! <= today,
    previousYearFen: r.previous_year_fen === null ? null : Number(r.previous_year_fen),
    yearlySavingFen: r.yearly_saving_fen === null ? null : Number(r.yearly_saving_fen),
  }));
  return { items, totalYearlySavingFen: items.reduce((s, i) => s + (i.yearlySavingFen ?? 0), 0) };
}

/** The catalogue's versions: each application of changes, with what changed. */
export async function listCatalogueVersions(deps: ConductDeps) {
  const rows = await catalogueVersionRows(deps.db);
  return {
    items: rows.map((r) => ({
      versionNo: r.version_no,
      effectiveDate: r.effective_date,
      appliedAt: r.applied_at,
      changes: fromJson<{ feeCode: string; change: string }[]>(r.changes, []).map((c) => ({
        feeCode: c.feeCode,
        change: c.change,
      })),
      fees: fromJson<unknown[]>(r.snapshot, []).length,
    })),
  };
}
