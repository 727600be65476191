import type { Actor } from '../../shared/actor.js';
import QRCode from 'qrcode';
import { AppError } from '../../server/errors.js';
import { localDate } from '../clock/local-time.js';
import { maskCreditCode } from '../identity/presenter.js';
import { enterpriseOf, type EnterpriseProof } from './enterprise-access.js';
import { verifyUrl, type InspectionDeps } from './inspection-deps.js';
import {
  presentInspection,
  presentInspector,
  presentItem,
  presentRegistration,
  presentViolation,
} from './presenter.js';
import { listInspectors, listPublished } from './repository-published.js';
import { findEnterpriseByCode, linksOf, listInspections, openRegistrations } from './repository.js';
import { addDays } from './rules.js';

/** What every department publishes: its inspection items, discretion standards and inspectors. */
export async function listPublishedItems(deps: InspectionDeps, departmentId?: string) {
  return (await listPublished(deps.db, 'insp_items', departmentId)).map(presentItem);
}
export async function listPublishedViolations(deps: InspectionDeps, departmentId?: string) {
  return (await listPublished(deps.db, 'insp_violations', departmentId)).map((r) =>
    presentViolation(r as never),
  );
}
export async function listPublicInspectors(deps: InspectionDeps, departmentId?: string) {
  const today = localDate(deps.clock.now());
  return (await listInspectors(deps.db, departmentId)).map((r) => presentInspector(r, today));
}

/**
 * The public verification page behind an enterprise's code: which inspections are registered for it
 * from yesterday on — department, items and basis, inspectors with certificate numbers, the allowed
 * length. No results and no history: those are the enterprise's own.
 */
export async function verifyCode(deps: InspectionDeps, code: string) {
  const e = await findEnterpriseByCode(deps.db, code.trim().toUpperCase());
  if (!e) throw new AppError('enterprise_not_found');
  const today = localDate(deps.clock.now());
  const rows = await openRegistrations(deps.db, e.id, addDays(today, -1));
  const links = await linksOf(
    deps.db,
    rows.map((r) => r.id),
  );
  return {
    enterpriseName: e.name,
    creditCode: maskCreditCode(e.credit_code)!,
    today,
    registrations: rows.map((r) => presentRegistration(r, links)),
  };
}

/** The enterprise's own history: every inspection with its result, by its account or code and check code. */
export async function enterpriseHistory(deps: InspectionDeps, actor: Actor, proof: EnterpriseProof) {
  const e = await enterpriseOf(deps, actor, proof);
  const { rows, total } = await listInspections(deps.db, { enterpriseId: e.id, limit: 200, offset: 0 });
  const links = await linksOf(
    deps.db,
    rows.map((r) => r.id),
  );
  return {
    enterpriseName: e.name,
    creditCode: e.credit_code,
    code: e.code,
    total,
    items: rows.map((r) => presentInspection(r, links)),
  };
}

/** The printable sign at the enterprise's door: its name, its code and the QR code leading to the verification page. */
export async function enterpriseSign(deps: InspectionDeps, actor: Actor, proof: EnterpriseProof) {
  const e = await enterpriseOf(deps, actor, proof);
  const url = verifyUrl(deps, e.code);
  const qrSvg = await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 });
  return {
    enterpriseName: e.name,
    creditCode: e.credit_code,
    code: e.code,
    checkCode: e.check_code,
    url,
    qrSvg,
  };
}
