import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { DocumentInputError, composeDocument } from './compose-document.js';
import { DOCUMENT_KINDS, DOCUMENT_KIND_INFO } from './document-kinds.js';
import type { DocumentContent, DocumentInput } from './document-types.js';
import { SAMPLE_INPUTS, SAMPLE_INPUT_LIST } from './sample-inputs.js';

function allText(c: DocumentContent): string {
  const parts = [c.title, c.number, c.addressee, ...c.footer];
  for (const s of c.sections) {
    parts.push(
      s.heading ?? '',
      ...(s.paragraphs ?? []),
      ...(s.list ?? []),
      ...(s.table ?? []).flatMap((r) => [r.label, r.value]),
    );
  }
  return parts.join('\n');
}

function includesAll(text: string, needles: string[]): void {
  for (const n of needles) assert.ok(text.includes(n), `missing ${JSON.stringify(n)}`);
}

const RIGHTS = [
  '六十日内',
  '《中华人民共和国行政复议法》',
  '清河市人民政府申请行政复议',
  '六个月内',
  '《中华人民共和国行政诉讼法》',
  '清河市人民法院提起行政诉讼',
];

test('every kind composes with its title, number, seal, footer and addressee', () => {
  for (const input of SAMPLE_INPUT_LIST) {
    const c = composeDocument(input);
    assert.equal(c.kind, input.kind);
    assert.equal(c.title, DOCUMENT_KIND_INFO[input.kind].title);
    assert.equal(c.number, input.number);
    assert.equal(c.sealText, '清河市市场监督管理局');
    assert.equal(c.trackingUrl, input.trackingUrl);
    assert.ok(c.footer.some((l) => l.includes('监督投诉电话：12345')));
    assert.equal(
      c.addressee,
      ['delivery_receipt', 'payment_form', 'receipt'].includes(input.kind)
        ? ''
        : '清河市味道餐饮管理有限公司：',
    );
    if (!['delivery_receipt', 'letter_reply', 'inspection_record'].includes(input.kind))
      includesAll(allText(c), ['食品经营许可（新办）', 'QH20260305000123']);
  }
  assert.deepEqual(new Set(SAMPLE_INPUT_LIST.map((i) => i.kind)), new Set(DOCUMENT_KINDS));
});

test('acceptance notice: Art. 32(1)(5), dates, limit, check code and how to track', () => {
  const text = allText(composeDocument(SAMPLE_INPUTS.acceptance_notice));
  includesAll(text, [
    '申请材料齐全、符合法定形式',
    '第三十二条第一款第（五）项',
    '决定予以受理',
    '受理日期为2026年3月5日',
    '10个工作日内（2026年3月19日前）作出决定',
    '不计算在上述期限内',
    '7K3Q9M',
    'https://zwfw.qinghe.gov.cn/track/QH20260305000123',
    '二楼B区12号窗口',
    '0531-88886666',
    '特此通知。',
  ]);
});

test('supplement notice lists every material once, with Art. 32(1)(4) and the one-time promise', () => {
  const input = SAMPLE_INPUTS.supplement_notice;
  const c = composeDocument(input);
  const text = allText(c);
  includesAll(text, [
    '第三十二条第一款第（四）项',
    '一次性告知',
    '不再要求',
    '共3项',
    ...input.materials.flatMap((m) => [m.name, m.requirement]),
  ]);
  assert.ok(!text.includes('再次告知'));
  const second = allText(composeDocument({ ...input, seq: 2, reason: '补正后的平面布局图与现场不符。' }));
  includesAll(second, ['第2次补正告知', '再次告知的理由：补正后的平面布局图与现场不符。']);
  assert.ok(!second.includes('不符。。'));
});

test('the supplement list is complete for any list of materials', () => {
  const material = fc.record({
    name: fc.string({ minLength: 1, maxLength: 12 }).filter((s) => s.trim() !== ''),
    requirement: fc.string({ minLength: 1 }).filter((s) => s.trim() !== ''),
  });
  fc.assert(
    fc.property(
      fc.uniqueArray(material, { minLength: 1, maxLength: 30, selector: (m) => m.name.trim() }),
      (materials) => {
        const c = composeDocument({ ...SAMPLE_INPUTS.supplement_notice, materials });
        const table = c.sections.flatMap((s) => s.table ?? []);
        assert.equal(table.length, materials.length);
        materials.forEach((m, i) =>
          assert.deepEqual(table[i], { label: `${i + 1}. ${m.name.trim()}`, value: m.requirement.trim() }),
        );
      },
    ),
  );
});

test('non-acceptance gives reasons, the competent agency when there is one, and both remedies', () => {
  const input = SAMPLE_INPUTS.non_acceptance_notice;
  const text = allText(composeDocument(input));
  includesAll(text, [
    '不予受理的理由',
    `1. ${input.reasons[0]}`,
    '第三十二条第一款',
    '决定不予受理',
    '自收到本通知书之日起',
    ...RIGHTS,
  ]);
  assert.ok(!text.includes('不属于本机关职权范围'));
  const elsewhere = allText(composeDocument({ ...input, competentAgency: '清河市交通运输局' }));
  includesAll(elsewhere, ['不属于本机关职权范围', '向清河市交通运输局提出申请']);
});

test('shortfall acceptance lists what is missing, its form and deadline, the commitment and the consequence', () => {
  const input = SAMPLE_INPUTS.shortfall_acceptance_notice;
  const text = allText(composeDocument(input));
  includesAll(text, [
    '容缺受理',
    '消防安全检查合格证明',
    '复印件1份（核验原件）',
    '补交期限：2026年3月12日前',
    input.commitmentText,
    `逾期未补齐的后果：${input.consequence}`,
    '不作出行政许可决定',
    '2026年3月19日前',
    'P4X8D2',
    '申请人（签名或盖章）',
  ]);
});

test('extension notice states reason, approval, Art. 42 and the new due date', () => {
  const text = allText(composeDocument(SAMPLE_INPUTS.extension_notice));
  includesAll(text, [
    '因申请涉及的中央厨房工艺流程复杂，需进一步审查，',
    '经清河市市场监督管理局负责人批准',
    '延长10个工作日',
    '2026年4月16日',
    '2026年4月2日',
    '第四十二条',
  ]);
});

test('special procedure notice says what, from when, how long and that the time is not counted (Art. 45)', () => {
  const text = allText(composeDocument(SAMPLE_INPUTS.special_procedure_notice));
  includesAll(text, [
    '专家评审',
    '2026年3月10日开始',
    '预计需要5个工作日',
    '不计算在行政许可办理期限内',
    '第四十五条',
  ]);
  assert.ok(!text.includes('第四十五条和《中华人民共和国行政许可法》第四十五条'));
  const other = allText(
    composeDocument({ ...SAMPLE_INPUTS.special_procedure_notice, basis: '《食品经营许可和备案管理办法》' }),
  );
  includesAll(other, ['根据《食品经营许可和备案管理办法》和《中华人民共和国行政许可法》第四十五条的规定']);
});

test('approval decision cites Art. 38(1) and the 10-day delivery of Art. 44', () => {
  const text = allText(composeDocument(SAMPLE_INPUTS.approval_decision));
  includesAll(text, [
    '符合法定条件、标准',
    '第三十八条第一款',
    '决定准予行政许可',
    '第四十四条',
    '十日内',
    '食品经营许可证',
    '有效期：五年',
  ]);
});

test('refusal decision gives every reason, Art. 38(2) and both remedies', () => {
  const input = SAMPLE_INPUTS.refusal_decision;
  const text = allText(composeDocument(input));
  includesAll(text, [
    '不予许可的理由',
    ...input.reasons.map((r, i) => `${i + 1}. ${r}`),
    '第三十八条第二款',
    '决定不予行政许可',
    '自收到本决定书之日起',
    ...RIGHTS,
  ]);
});

test('delivery receipt: documents with numbers, method, time, recipient and signature lines', () => {
  const text = allText(composeDocument(SAMPLE_INPUTS.delivery_receipt));
  includesAll(text, [
    '1. 准予行政许可决定书',
    '清政服准许〔2026〕第000088号',
    '2. 食品经营许可证',
    'JY23701000012345',
    '窗口直接送达',
    '2026年3月20日 14:10',
    '王小明（委托代理人）',
    '签收人签名或盖章',
    '送达人签名',
  ]);
  const dateOnly = allText(composeDocument({ ...SAMPLE_INPUTS.delivery_receipt, deliveredAt: '2026-03-21' }));
  includesAll(dateOnly, ['送达时间', '2026年3月21日']);
});

function rejects(input: unknown, field: string): void {
  assert.throws(
    () => composeDocument(input as DocumentInput),
    (err: unknown) => {
      assert.ok(err instanceof DocumentInputError, String(err));
      assert.equal(err.field, field);
      return true;
    },
  );
}

test('missing or inconsistent content is refused, naming the field', () => {
  const s = SAMPLE_INPUTS;
  rejects({ ...s.refusal_decision, reasons: [] }, 'reasons');
  rejects({ ...s.refusal_decision, reasons: ['  '] }, 'reasons[0]');
  rejects({ ...s.refusal_decision, reconsiderationBody: '' }, 'reconsiderationBody');
  rejects({ ...s.non_acceptance_notice, reasons: undefined }, 'reasons');
  rejects({ ...s.non_acceptance_notice, litigationCourt: ' ' }, 'litigationCourt');
  rejects({ ...s.supplement_notice, materials: [] }, 'materials');
  rejects({ ...s.supplement_notice, seq: 2 }, 'reason');
  rejects({ ...s.supplement_notice, seq: 2, reason: ' ' }, 'reason');
  rejects({ ...s.supplement_notice, seq: 0 }, 'seq');
  rejects(
    {
      ...s.supplement_notice,
      materials: [
        { name: 'A', requirement: 'x' },
        { name: 'A ', requirement: 'y' },
      ],
    },
    'materials',
  );
  rejects(
    { ...s.supplement_notice, materials: [{ name: 'A', requirement: '' }] },
    'materials[0].requirement',
  );
  rejects({ ...s.acceptance_notice, checkCode: '' }, 'checkCode');
  rejects({ ...s.acceptance_notice, dueDate: '2026-03-05' }, 'dueDate');
  rejects({ ...s.acceptance_notice, acceptanceDate: '2026-02-30' }, 'acceptanceDate');
  rejects({ ...s.acceptance_notice, committedDays: 0 }, 'committedDays');
  rejects({ ...s.acceptance_notice, departments: [] }, 'departments');
  rejects({ ...s.shortfall_acceptance_notice, missing: [] }, 'missing');
  rejects(
    { ...s.shortfall_acceptance_notice, missing: [{ name: 'A', form: '原件', deadline: '2026-03-20' }] },
    'missing[0].deadline',
  );
  rejects({ ...s.shortfall_acceptance_notice, consequence: '' }, 'consequence');
  rejects({ ...s.extension_notice, newDueDate: '2026-04-02' }, 'newDueDate');
  rejects({ ...s.extension_notice, reason: '' }, 'reason');
  rejects({ ...s.special_procedure_notice, expectedDays: 2.5 }, 'expectedDays');
  rejects({ ...s.approval_decision, decisionText: '\n' }, 'decisionText');
  rejects({ ...s.delivery_receipt, documents: [] }, 'documents');
  rejects({ ...s.delivery_receipt, deliveredAt: 'yesterday' }, 'deliveredAt');
  rejects({ ...s.approval_decision, issuedAt: '2026-03-17' }, 'issuedAt');
  rejects({ ...s.approval_decision, trackingUrl: 'javascript:alert(1)' }, 'trackingUrl');
  rejects({ ...s.approval_decision, itemNames: [] }, 'itemNames');
  rejects({ ...s.approval_decision, applicant: { name: '张三', idMasked: '' } }, 'applicant.idMasked');
  rejects({ ...s.approval_decision, number: '' }, 'number');
  rejects(
    { ...s.approval_decision, applicant: { name: '张三', idMasked: '11010519491231002X' } },
    'applicant.idMasked',
  );
  assert.throws(
    () => composeDocument({ ...s.approval_decision, kind: 'memo' } as unknown as DocumentInput),
    /unknown document kind/,
  );
});

test('composing is pure: same input, same content; the input is not changed', () => {
  for (const input of SAMPLE_INPUT_LIST) {
    const before = structuredClone(input);
    assert.deepEqual(composeDocument(input), composeDocument(input));
    assert.deepEqual(input, before);
  }
});

test('the issue date is taken in China Standard Time', () => {
  // 2026-03-04T16:30Z is 3月5日 00:30 in Beijing
  const c = composeDocument({ ...SAMPLE_INPUTS.delivery_receipt, deliveredAt: '2026-03-04T16:30:00Z' });
  includesAll(allText(c), ['2026年3月5日 00:30']);
});
