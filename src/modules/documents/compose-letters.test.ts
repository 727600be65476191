import { test } from 'node:test';
import assert from 'node:assert/strict';
import { composeDocument, DocumentInputError } from './compose-document.js';
import type { DocumentContent } from './document-types.js';
import { SAMPLE_INPUTS } from './sample-inputs.js';

const allText = (c: DocumentContent) =>
  [
    c.title,
    c.addressee,
    ...c.sections.flatMap((s) => [
      s.heading ?? '',
      ...(s.paragraphs ?? []),
      ...(s.table ?? []).flatMap((r) => [r.label, r.value]),
    ]),
  ].join('\n');

test('a reply letter names the letter, answers it paragraph by paragraph and closes with 特此函复', () => {
  const c = composeDocument(SAMPLE_INPUTS.letter_reply);
  const text = allText(c);
  assert.equal(c.title, '来函答复函');
  assert.equal(c.addressee, '清河市味道餐饮管理有限公司：');
  assert.equal(c.qrCaption, '扫码查看来函办理记录');
  for (const s of [
    '你（单位）于2026年3月2日来函（来函编号：LH2026000031）反映的“关于简化餐饮门店开办手续的建议”事项收悉',
    '自2026年4月起',
    '特此函复。',
    '2026年3月23日前',
    '0531-88886666',
  ])
    assert.ok(text.includes(s), s);
  assert.equal(c.sections[0]!.paragraphs!.length, 3, 'the opening and one paragraph per line of the reply');
});

test("a deputy's suggestion is answered as a suggestion, with thanks", () => {
  const text = allText(composeDocument({ ...SAMPLE_INPUTS.letter_reply, letterKind: 'deputy_suggestion' }));
  assert.ok(text.includes('您提出的关于“关于简化餐饮门店开办手续的建议”的建议（编号：LH2026000031）收悉'));
  assert.ok(text.includes('感谢您对我们工作的关心和支持。'));
  assert.ok(text.includes('建议人'));
  assert.ok(!text.includes('特此函复'));
});

test('a reply without its text, or dated before the letter arrived, is refused', () => {
  const s = SAMPLE_INPUTS.letter_reply;
  for (const [input, field] of [
    [{ ...s, replyText: ' ' }, 'replyText'],
    [{ ...s, receivedDate: '2026-02-30' }, 'receivedDate'],
    [{ ...s, issuedAt: '2026-02-01T02:00:00Z' }, 'issuedAt'],
    [{ ...s, dueDate: '2026-03-01' }, 'dueDate'],
  ] as const) {
    assert.throws(
      () => composeDocument(input),
      (e: unknown) => e instanceof DocumentInputError && e.field === field,
      field,
    );
  }
});

test('an inspection record names the enterprise, the inspectors with certificates, the basis and the penalty', () => {
  const c = composeDocument(SAMPLE_INPUTS.inspection_record);
  const all = JSON.stringify(c.sections);
  for (const s of ['JC20260000007', 'SC-2026-0001', '食品安全法》第一百二十四条', '¥50,000.00', '陈述、申辩'])
    assert.ok(all.includes(s), s);
  assert.throws(
    () => composeDocument({ ...SAMPLE_INPUTS.inspection_record, outcome: 'rectification' }),
    /rectificationDeadline/,
  );
});
