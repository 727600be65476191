// Fee documents (统一收费, domain.md §4): the payment form in the style of the electronic non-tax
// revenue general payment form (电子非税收入一般缴款书) and the receipt it turns into once paid.

import type { DocumentInputOf, DocumentSection } from './document-types.js';
import {
  cnDate,
  cnDateOfInstant,
  cstDayOfInstant,
  date,
  instant,
  text,
  texts,
  type Check,
} from './compose-helpers.js';
import { amountText, yuan } from './money-text.js';

const fen = (fail: Check, field: string, value: unknown, min = 0): number => {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min)
    fail(field, `must be an integer number of fen ≥ ${min}`);
  return value as number;
};

export function paymentFormSections(input: DocumentInputOf<'payment_form'>, fail: Check): DocumentSection[] {
  const code = text(fail, 'paymentCode', input.paymentCode);
  if (!/^\d{20}$/.test(code)) fail('paymentCode', 'must be 20 digits');
  if (!Array.isArray(input.lines) || input.lines.length === 0) fail('lines', 'must list at least one fee');
  let payable = 0;
  const rows = input.lines
    .map((l, i) => {
      const amount = fen(fail, `lines[${i}].amountFen`, l?.amountFen);
      const waived = fen(fail, `lines[${i}].waivedFen`, l.waivedFen);
      if (waived > amount) fail(`lines[${i}].waivedFen`, 'must not exceed amountFen');
      if (waived > 0) text(fail, `lines[${i}].waiverBasis`, l.waiverBasis);
      payable += amount - waived;
      const head = `${i + 1}. ${text(fail, `lines[${i}].name`, l.name)}（${text(fail, `lines[${i}].code`, l.code)}）`;
      const detail =
        `${text(fail, `lines[${i}].quantity`, l.quantity)}，标准：${text(fail, `lines[${i}].standard`, l.standard)}，金额 ¥${yuan(amount)}` +
        (waived > 0 ? `，减免 ¥${yuan(waived)}（依据：${l.waiverBasis!.trim()}）` : '');
      return [
        { label: head, value: detail },
        { label: '\u3000收费依据', value: text(fail, `lines[${i}].basis`, l.basis) },
      ];
    })
    .flat();
  const total = fen(fail, 'totalFen', input.totalFen);
  if (total !== payable) fail('totalFen', `must equal the lines less waivers (${payable})`);
  const due = date(fail, 'dueDate', input.dueDate);
  if (due < cstDayOfInstant(input.issuedAt)) fail('dueDate', 'must not be before the issue date');
  const channels = texts(fail, 'payChannels', input.payChannels);
  return [
    {
      table: [
        { label: '缴款人', value: `${input.applicant.name}（${input.applicant.idMasked}）` },
        { label: '执收单位', value: input.agencyName },
        { label: '办理事项', value: input.itemNames.join('、') },
        { label: '受理编号', value: input.receiptNo },
        { label: '缴款码', value: code.replace(/(\d{4})(?=\d)/g, '$1 ') },
        { label: '缴款期限', value: `${cnDate(due)}前` },
      ],
    },
    { heading: `收费项目（共${input.lines.length}项）`, table: rows },
    { table: [{ label: '应缴金额', value: amountText(total) }] },
    {
      heading: '缴款方式',
      paragraphs: [
        ...channels,
        '本缴款书所列收费项目均已在收费目录清单中公布，申请表格一律免费。收费以外另行收取任何费用的，可拨打监督投诉电话举报。',
        `缴款后本缴款书即为缴款凭证，执收单位另开具电子收款票据。扫描二维码或凭缴款书编号和缴款码可验证本缴款书真伪。`,
      ],
    },
  ];
}

export function receiptSections(input: DocumentInputOf<'receipt'>, fail: Check): DocumentSection[] {
  const amount = fen(fail, 'amountFen', input.amountFen, 1);
  if (!Array.isArray(input.lines) || input.lines.length === 0) fail('lines', 'must list what was paid');
  const sum = input.lines.reduce((s, l, i) => s + fen(fail, `lines[${i}].amountFen`, l?.amountFen, 1), 0);
  if (sum !== amount) fail('amountFen', `must equal the lines (${sum})`);
  const paidAt = cnDateOfInstant(instant(fail, 'paidAt', input.paidAt), true);
  const checkCode = text(fail, 'checkCode', input.checkCode);
  return [
    {
      table: [
        { label: '交款人', value: `${input.applicant.name}（${input.applicant.idMasked}）` },
        { label: '执收单位', value: input.agencyName },
        { label: '办理事项', value: input.itemNames.join('、') },
        { label: '受理编号', value: input.receiptNo },
        { label: '缴款书编号', value: text(fail, 'formNumber', input.formNumber) },
        { label: '缴款码', value: text(fail, 'paymentCode', input.paymentCode) },
      ],
    },
    {
      heading: '收款明细',
      table: input.lines.map((l, i) => ({
        label: `${i + 1}. ${text(fail, `lines[${i}].name`, l.name)}（${text(fail, `lines[${i}].code`, l.code)}）`,
        value: `¥${yuan(l.amountFen)}`,
      })),
    },
    {
      table: [
        { label: '合计金额', value: amountText(amount) },
        {
          label: '缴款渠道',
          value:
            text(fail, 'channel', input.channel) +
            (input.reference?.trim() ? `（交易流水号 ${input.reference.trim()}）` : ''),
        },
        { label: '缴款时间', value: paidAt },
        { label: '校验码', value: checkCode },
        ...(input.replaces?.trim()
          ? [{ label: '换开说明', value: `本票据替代已作废票据 ${input.replaces.trim()}` }]
          : []),
      ],
    },
    {
      paragraphs: [
        '本票据编号按年度连续编制，不重号、不跳号；作废须经监察人员批准并保留记录。扫描二维码或凭票据编号和校验码可验证真伪。',
      ],
    },
  ];
}
