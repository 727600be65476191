// The reply to a registered letter (来函必复, domain.md §5). Deputies' suggestions and members'
// proposals are answered in the wording their handling rules use (建议/提案 "收悉", thanks at the
// end); other letters get the plain 函复 form.

import type { DocumentInputOf, DocumentSection } from './document-types.js';
import { clause, cnDate, cstDayOfInstant, date, text, type Check } from './compose-helpers.js';

const OPENING: Record<string, (subject: string, no: string, received: string) => string> = {
  deputy_suggestion: (s, no) => `您提出的关于“${s}”的建议（编号：${no}）收悉。经认真研究办理，现答复如下：`,
  cppcc_proposal: (s, no) => `您提出的关于“${s}”的提案（编号：${no}）收悉。经认真研究办理，现答复如下：`,
};
const plainOpening = (s: string, no: string, received: string) =>
  `你（单位）于${cnDate(received)}来函（来函编号：${no}）反映的“${s}”事项收悉。经认真研究，现函复如下：`;

const SENDER_LABEL: Record<string, string> = {
  deputy_suggestion: '建议人',
  cppcc_proposal: '提案人',
};

export function letterReplySections(input: DocumentInputOf<'letter_reply'>, fail: Check): DocumentSection[] {
  const kind = text(fail, 'letterKind', input.letterKind);
  const received = date(fail, 'receivedDate', input.receivedDate);
  const due = date(fail, 'dueDate', input.dueDate);
  if (due < received) fail('dueDate', 'must not be before receivedDate');
  if (cstDayOfInstant(input.issuedAt) < received) fail('issuedAt', 'must not be before receivedDate');
  const subject = clause(text(fail, 'subject', input.subject));
  const reply = text(fail, 'replyText', input.replyText)
    .split(/\n+/)
    .map((p) => p.trim())
    .filter(Boolean);
  const phone = text(fail, 'contactPhone', input.contactPhone);
  const formal = kind in OPENING;
  const opening = (OPENING[kind] ?? plainOpening)(subject, input.receiptNo.trim(), received);
  return [
    { paragraphs: [opening, ...reply] },
    {
      paragraphs: formal
        ? [
            `如有意见和建议，请与${input.agencyName}联系（联系电话：${phone}）。`,
            '感谢您对我们工作的关心和支持。',
          ]
        : [`如有疑问，请与${input.agencyName}联系（联系电话：${phone}）。`, '特此函复。'],
    },
    {
      heading: '来函信息',
      table: [
        { label: '来函编号', value: input.receiptNo.trim() },
        { label: SENDER_LABEL[kind] ?? '来函人（单位）', value: input.applicant.name.trim() },
        { label: '来函日期', value: cnDate(received) },
        { label: '来函事由', value: subject },
        { label: '承办单位', value: input.agencyName.trim() },
        { label: '答复期限', value: `${cnDate(due)}前` },
        { label: '答复日期', value: cnDate(cstDayOfInstant(input.issuedAt)) },
      ],
    },
  ];
}
