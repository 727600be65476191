import type { UnitOfWork } from '../audit/audited-transaction.js';
import { nextNumber } from '../cases/counters.js';
import { CENTER_NAME } from '../cases/issue-document.js';
import { localDate } from '../clock/local-time.js';
import { formatDocumentNumber } from '../documents/document-kinds.js';
import type { DocumentInputOf } from '../documents/document-types.js';
import { issueDocument } from '../documents/issue-document.js';
import { maskCreditCode, maskIdNumber } from '../identity/presenter.js';
import type { LetterDeps } from './letter-deps.js';
import type { LetterRow } from './repository.js';

export interface IssuedReply {
  number: string;
  /** SHA-256 of the reply's content (its PDF is rendered after the commit). */
  contentSha256: string;
}

const maskedId = (id: string | null) =>
  (id ? (/^\d{17}[\dX]$/.test(id) ? maskIdNumber(id) : maskCreditCode(id)) : null) ?? '—';

/**
 * The reply letter (来函答复函): numbered in the documents' gap-free yearly sequence for its kind,
 * composed with the documents module's wording and issued like every other document inside the
 * answering unit of work (a rolled-back answer gives its number back); its PDF is rendered after the
 * commit and stored by its SHA-256.
 */
export async function issueReply(
  deps: LetterDeps,
  uow: UnitOfWork,
  l: LetterRow,
  department: { name: string; phone: string; complaint_phone: string },
  input: { replyText: string; dueDate: string },
): Promise<IssuedReply> {
  const year = Number(localDate(uow.now).slice(0, 4));
  const number = formatDocumentNumber(
    'letter_reply',
    year,
    await nextNumber(uow.db, `doc:letter_reply:${year}`),
  );
  const doc: DocumentInputOf<'letter_reply'> = {
    kind: 'letter_reply',
    number,
    issuedAt: uow.nowIso,
    centerName: CENTER_NAME,
    agencyName: department.name,
    receiptNo: l.number,
    trackingUrl: `${deps.publicBaseUrl}/letters/${l.id}`,
    applicant: { name: l.sender_organization ?? l.sender_name, idMasked: maskedId(l.sender_id_number) },
    itemNames: [l.subject],
    complaintPhone: department.complaint_phone,
    letterKind: l.kind,
    receivedDate: l.received_date,
    subject: l.subject,
    replyText: input.replyText,
    dueDate: input.dueDate,
    contactPhone: department.phone,
  };
  const issued = await issueDocument(uow, deps.renderer, { caseId: null, input: doc });
  return { number, contentSha256: issued.contentSha256 };
}
