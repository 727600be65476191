import type { UnitOfWork } from '../audit/audited-transaction.js';
import { nextNumber } from '../cases/counters.js';
import { CENTER_NAME } from '../cases/issue-document.js';
import { findDepartment } from '../catalogue/catalogue-reads.js';
import { localDate } from '../clock/local-time.js';
import { formatDocumentNumber } from '../documents/document-kinds.js';
import type { DocumentInputOf } from '../documents/document-types.js';
import { issueDocument } from '../documents/issue-document.js';
import { maskCreditCode } from '../identity/presenter.js';
import { verifyUrl, type InspectionDeps } from './inspection-deps.js';
import { findEnterprise, linksOf, type InspectionRow } from './repository.js';

type Result = Pick<
  DocumentInputOf<'inspection_record'>,
  'outcome' | 'findings' | 'rectificationDeadline' | 'penalty' | 'endedAt'
>;

/**
 * The inspection record (检查记录): numbered in the documents' gap-free sequence, composed with the
 * documents module's wording and fixed inside the recording unit of work (issueDocument); its PDF is
 * rendered after the commit.
 */
export async function issueRecord(deps: InspectionDeps, uow: UnitOfWork, i: InspectionRow, result: Result) {
  const year = Number(localDate(uow.now).slice(0, 4));
  const number = formatDocumentNumber(
    'inspection_record',
    year,
    await nextNumber(uow.db, `doc:inspection_record:${year}`),
  );
  const [dept, enterprise, links] = await Promise.all([
    findDepartment(uow.db, i.department_id),
    findEnterprise(uow.db, i.enterprise_id),
    linksOf(uow.db, [i.id]),
  ]);
  const doc: DocumentInputOf<'inspection_record'> = {
    kind: 'inspection_record',
    number,
    issuedAt: uow.nowIso,
    centerName: CENTER_NAME,
    agencyName: dept!.name,
    receiptNo: i.number,
    trackingUrl: verifyUrl(deps, enterprise!.code),
    applicant: { name: enterprise!.name, idMasked: maskCreditCode(enterprise!.credit_code) ?? '—' },
    itemNames: links.items.map((it) => it.name),
    complaintPhone: dept!.complaint_phone,
    startedAt: i.started_at!,
    joint: i.joint_group !== null,
    inspectors: links.inspectors.map((p) => `${p.name}（执法证号 ${p.certificate_no}）`),
    bases: links.items.map((it) => it.basis),
    ...result,
  };
  const issued = await issueDocument(uow, deps.renderer, { caseId: null, input: doc });
  return { number, sha256: issued.contentSha256, key: null };
}
