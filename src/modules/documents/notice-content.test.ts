import { test } from 'node:test';
import assert from 'node:assert/strict';
import { composeDocument } from './compose-document.js';
import type { DocumentContent } from './document-types.js';
import { SAMPLE_INPUTS, SAMPLE_INPUT_LIST } from './sample-inputs.js';

const allText = (c: DocumentContent) =>
  [
    c.title,
    c.addressee,
    ...c.footer,
    ...c.sections.flatMap((s) => [
      s.heading ?? '',
      ...(s.paragraphs ?? []),
      ...(s.list ?? []),
      ...(s.table ?? []).flatMap((r) => [r.label, r.value]),
    ]),
  ].join('\n');

test("a first one-time notice carries the clerk's 说明 when there is one", () => {
  const withNote = composeDocument({
    ...SAMPLE_INPUTS.supplement_notice,
    reason: '平面布局图请按1:100比例绘制',
  });
  const section = withNote.sections.find((s) => s.heading === '说明');
  assert.deepEqual(section?.paragraphs, ['平面布局图请按1:100比例绘制。']);
  const without = composeDocument({ ...SAMPLE_INPUTS.supplement_notice, reason: '  ' });
  assert.equal(
    without.sections.find((s) => s.heading === '说明'),
    undefined,
  );
});

test('every document names the case number 受理编号, as the tracking page and the notices do', () => {
  // A reply letter answers a letter, not a case: the number it names is the letter's (来函编号).
  // An inspection record names the inspection's number (检查编号), not a case's.
  for (const input of SAMPLE_INPUT_LIST.filter(
    (i) => i.kind !== 'letter_reply' && i.kind !== 'inspection_record',
  )) {
    const text = allText(composeDocument(input));
    assert.doesNotMatch(text, /收件编号|申请编号/, input.kind);
    if (text.includes(input.receiptNo)) assert.match(text, /受理编号/, input.kind);
  }
});
