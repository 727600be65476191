// Documents of the review and decision stage: extension (Art. 42), special procedures (Art. 45),
// approval and refusal (Art. 38, 44) and the delivery receipt (送达回证).

import type { DocumentInputOf, DocumentSection } from './document-types.js';
import {
  applicantRows,
  applicationPhrase,
  clause,
  cnDate,
  cnDateOfInstant,
  date,
  instant,
  numbered,
  positiveInt,
  rightsParagraph,
  text,
  texts,
  trackingParagraph,
  type Check,
} from './compose-helpers.js';

export function extensionSections(
  input: DocumentInputOf<'extension_notice'>,
  fail: Check,
): DocumentSection[] {
  const days = positiveInt(fail, 'extensionDays', input.extensionDays, 60);
  const previous = date(fail, 'previousDueDate', input.previousDueDate);
  const next = date(fail, 'newDueDate', input.newDueDate);
  if (next <= previous) fail('newDueDate', 'must be after previousDueDate');
  const reason = clause(text(fail, 'reason', input.reason));
  const basis = clause(text(fail, 'basis', input.basis));
  return [
    {
      paragraphs: [
        `${applicationPhrase(input)}，本机关已依法受理，原定办理期限截止日为${cnDate(previous)}。因${reason}，本机关不能在原定期限内作出决定。`,
        `经${text(fail, 'approvedBy', input.approvedBy)}批准，根据${basis}的规定，本机关决定将办理期限延长${days}个工作日，延长后的办理期限截止日为${cnDate(next)}。`,
        '依照《中华人民共和国行政许可法》第四十二条的规定，现将延长期限及其理由告知你（单位）。',
      ],
    },
    {
      heading: '办理信息',
      table: [
        ...applicantRows(input),
        { label: '原办理期限截止日', value: cnDate(previous) },
        { label: '延长期限', value: `${days}个工作日` },
        { label: '新办理期限截止日', value: cnDate(next) },
      ],
    },
    { paragraphs: [trackingParagraph(input), '特此告知。'] },
  ];
}

export function specialProcedureSections(
  input: DocumentInputOf<'special_procedure_notice'>,
  fail: Check,
): DocumentSection[] {
  const procedure = clause(text(fail, 'procedure', input.procedure));
  const days = positiveInt(fail, 'expectedDays', input.expectedDays, 400);
  const from = date(fail, 'fromDate', input.fromDate);
  const basis = clause(text(fail, 'basis', input.basis));
  const art45 = '《中华人民共和国行政许可法》第四十五条';
  const legal = basis.includes('第四十五条') ? basis : `${basis}和${art45}`;
  return [
    {
      paragraphs: [
        `${applicationPhrase(input)}，本机关已依法受理。因${clause(text(fail, 'reason', input.reason))}，需要进行${procedure}。`,
        `根据${legal}的规定，${procedure}所需时间不计算在行政许可办理期限内。${procedure}自${cnDate(from)}开始，预计需要${days}个工作日。${procedure}结束后，办理期限继续计算，本机关将相应顺延承诺办结日期。`,
      ],
    },
    {
      heading: '特别程序',
      table: [
        ...applicantRows(input),
        { label: '特别程序', value: procedure },
        { label: '开始日期', value: cnDate(from) },
        { label: '预计所需时间', value: `${days}个工作日（不计入办理期限）` },
        { label: '依据', value: legal },
      ],
    },
    { paragraphs: [trackingParagraph(input), '特此告知。'] },
  ];
}

export function approvalSections(
  input: DocumentInputOf<'approval_decision'>,
  fail: Check,
): DocumentSection[] {
  const resultName = text(fail, 'resultName', input.resultName);
  const decision = text(fail, 'decisionText', input.decisionText)
    .split(/\n+/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
  const departments = texts(fail, 'departments', input.departments);
  return [
    {
      paragraphs: [
        `${applicationPhrase(input)}，经审查，符合法定条件、标准。根据《中华人民共和国行政许可法》第三十八条第一款的规定，本机关决定准予行政许可。`,
      ],
    },
    { heading: '许可内容', paragraphs: decision },
    {
      table: [
        ...applicantRows(input),
        { label: '审查部门', value: departments.join('、') },
        { label: '许可证件', value: resultName },
      ],
    },
    {
      paragraphs: [
        `依照《中华人民共和国行政许可法》第四十四条的规定，本机关将自本决定作出之日起十日内向你（单位）颁发、送达${resultName}。`,
        '特此决定。',
      ],
    },
  ];
}

export function refusalSections(input: DocumentInputOf<'refusal_decision'>, fail: Check): DocumentSection[] {
  const reasons = texts(fail, 'reasons', input.reasons);
  return [
    {
      paragraphs: [
        `${applicationPhrase(input)}，本机关已依法受理。经审查，该申请不符合法定条件、标准，理由如下：`,
      ],
    },
    { heading: '不予许可的理由', list: numbered(reasons) },
    { paragraphs: ['根据《中华人民共和国行政许可法》第三十八条第二款的规定，本机关决定不予行政许可。'] },
    {
      heading: '救济途径',
      paragraphs: [
        rightsParagraph(
          '决定书',
          text(fail, 'reconsiderationBody', input.reconsiderationBody),
          text(fail, 'litigationCourt', input.litigationCourt),
        ),
      ],
    },
    { paragraphs: ['特此决定。'] },
  ];
}

export function deliveryReceiptSections(
  input: DocumentInputOf<'delivery_receipt'>,
  fail: Check,
): DocumentSection[] {
  if (!Array.isArray(input.documents) || input.documents.length === 0)
    fail('documents', 'must list the documents delivered');
  const documents = input.documents.map((d, i) => ({
    label: `${i + 1}. ${text(fail, `documents[${i}].name`, d?.name)}`,
    value: text(fail, `documents[${i}].number`, d.number),
  }));
  const at =
    typeof input.deliveredAt === 'string' && input.deliveredAt.length === 10
      ? cnDate(date(fail, 'deliveredAt', input.deliveredAt))
      : cnDateOfInstant(instant(fail, 'deliveredAt', input.deliveredAt), true);
  return [
    {
      heading: '送达事项',
      table: [
        { label: '受送达人', value: `${input.applicant.name}（${input.applicant.idMasked}）` },
        ...applicantRows(input).slice(2),
        { label: '送达机关', value: input.agencyName },
        { label: '送达方式', value: text(fail, 'method', input.method) },
        { label: '送达时间', value: at },
        { label: '签收人', value: text(fail, 'recipient', input.recipient) },
      ],
    },
    { heading: `送达文书（共${documents.length}件）`, table: documents },
    {
      heading: '签收',
      paragraphs: [
        '签收人签名或盖章：________________　　______年____月____日',
        '送达人签名：________________　　见证人签名：________________',
        '备注：签收人非受送达人本人的，应注明与受送达人的关系；受送达人拒绝签收的，送达人应在此注明情况，并由见证人签名。',
      ],
    },
  ];
}
