import type { UnitOfWork } from '../audit/audited-transaction.js';
import { fromJson } from '../../shared/json.js';
import { maskCreditCode, maskIdNumber } from '../identity/presenter.js';
import { formatDocumentNumber, isDocumentKind } from '../documents/document-kinds.js';
import type { DocumentInput } from '../documents/document-types.js';
import type { DocumentRenderer } from '../documents/document-renderer.js';
import { issueDocument } from '../documents/issue-document.js';
import type { DocumentIssuer, IssuedDocument } from './case-deps.js';
import { nextNumber } from './counters.js';
import type { CaseRow } from './repository.js';
import { localDate } from '../clock/local-time.js';
import { itemNamesWithDepartments } from './repository-documents.js';
import { findLeadDepartment } from './repository-intake.js';
import { caseWindow } from './case-window.js';

export const CENTER_NAME = '清河市政务服务中心';

/**
 * Issues a case's official documents: numbered per kind and year without gaps, dated, their content
 * (with the tracking QR code's address) fixed and hashed in the case's transaction, and rendered to
 * PDF after its commit (documents/issue-document.ts). A rolled-back transaction leaves nothing.
 */
export class CaseDocumentIssuer implements DocumentIssuer {
  constructor(
    private readonly renderer: DocumentRenderer,
    private readonly publicBaseUrl: string,
  ) {}

  trackingUrl(c: Pick<CaseRow, 'receipt_no' | 'check_code'>): string {
    return `${this.publicBaseUrl}/track/${encodeURIComponent(c.receipt_no)}?code=${encodeURIComponent(c.check_code)}`;
  }

  async issue(
    uow: UnitOfWork,
    c: CaseRow,
    kind: string,
    specific: Record<string, unknown>,
  ): Promise<IssuedDocument> {
    if (!isDocumentKind(kind)) throw new Error(`unknown document kind ${kind}`);
    const year = Number(localDate(uow.now).slice(0, 4)); // numbered in the center's year (1 January starts at 00:00 there)
    const number = formatDocumentNumber(kind, year, await nextNumber(uow.db, `doc:${kind}:${year}`));
    const lead = await findLeadDepartment(uow.db, c.lead_department_id);
    if (!lead) throw new Error(`case ${c.id}: no lead department ${c.lead_department_id}`);
    const items = await itemNamesWithDepartments(uow.db, c.id);
    const input = {
      kind,
      number,
      issuedAt: uow.nowIso,
      centerName: CENTER_NAME,
      agencyName: lead.name,
      receiptNo: c.receipt_no,
      trackingUrl: this.trackingUrl(c),
      applicant: {
        name: c.applicant_name,
        idMasked:
          (c.applicant_kind === 'enterprise'
            ? maskCreditCode(c.applicant_id_number)
            : maskIdNumber(c.applicant_id_number)) ?? '',
      },
      itemNames: items.map((i) => i.name),
      complaintPhone: lead.complaint_phone,
      window:
        caseWindow(
          c.window,
          fromJson<{ window?: string }>((items.find((i) => i.role === 'lead') ?? items[0])?.data ?? '{}', {})
            .window,
          fromJson<string[]>(lead.windows, []),
        ) ?? '综合窗口',
      consultPhone: lead.phone,
      departments: [...new Set(items.map((i) => i.dept))],
      ...specific,
    } as unknown as DocumentInput;
    return issueDocument(uow, this.renderer, { caseId: c.id, input });
  }
}
