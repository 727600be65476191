import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { composeDocument } from './compose-document.js';
import { renderDocument, renderPdf } from './render-pdf.js';
import { SAMPLE_INPUTS, SAMPLE_INPUT_LIST } from './sample-inputs.js';

const latin1 = (pdf: Buffer): string => pdf.toString('latin1');

function pageObjects(pdf: Buffer): number {
  return latin1(pdf).match(/\/Type \/Page(?![a-zA-Z])/g)?.length ?? 0;
}

function pageCount(pdf: Buffer): number {
  const m = /\/Type \/Pages\s*\/Count (\d+)/.exec(latin1(pdf));
  assert.ok(m, 'no /Pages /Count');
  return Number(m[1]);
}

function fileId(pdf: Buffer): string {
  const m = /\/ID \[<([0-9a-f]+)> <([0-9a-f]+)>\]/i.exec(latin1(pdf));
  assert.ok(m, 'no trailer /ID');
  return m[1]!;
}

function assertValidPdf(pdf: Buffer): void {
  const s = latin1(pdf);
  assert.ok(s.startsWith('%PDF-'), 'header');
  assert.ok(s.trimEnd().endsWith('%%EOF'), 'trailer');
  assert.match(s, /startxref\s+\d+\s+%%EOF/);
  assert.match(s, /\/FontFile2 \d+ 0 R/, 'embedded TrueType font');
  assert.match(s, /\/BaseFont \/[A-Z]{6}\+NotoSansSC-Regular/, 'subset of Noto Sans SC');
  assert.match(s, /\/MediaBox \[0 0 595\.28 841\.89\]/, 'A4');
  assert.match(s, /\/Subtype \/Image/, 'QR image');
  assert.equal(pageObjects(pdf), pageCount(pdf), 'one /Type /Page per page');
}

test('every kind renders as a valid one-page A4 PDF with the font embedded', async () => {
  for (const input of SAMPLE_INPUT_LIST) {
    const pdf = await renderPdf(composeDocument(input));
    assertValidPdf(pdf);
    assert.equal(pageCount(pdf), 1, `${input.kind} should fit one page`);
  }
});

test('dates in the PDF come from issuedAt', async () => {
  const pdf = await renderPdf(composeDocument(SAMPLE_INPUTS.acceptance_notice));
  const s = latin1(pdf);
  for (const key of ['CreationDate', 'ModDate']) {
    const ref = new RegExp(`/${key} (\\d+) 0 R`).exec(s);
    assert.ok(ref, key);
    assert.match(s, new RegExp(`\\n${ref[1]} 0 obj\\n\\(D:20260305023000Z\\)`), key);
  }
});

test('identical input gives identical bytes; any change gives different bytes and a different /ID', async () => {
  const a = await renderDocument(SAMPLE_INPUTS.refusal_decision);
  const b = await renderDocument(structuredClone(SAMPLE_INPUTS.refusal_decision));
  assert.ok(a.pdf.equals(b.pdf));
  assert.equal(a.sha256, b.sha256);
  assert.equal(a.sha256, createHash('sha256').update(a.pdf).digest('hex'));
  assert.match(a.sha256, /^[0-9a-f]{64}$/);

  const changed = await renderDocument({
    ...SAMPLE_INPUTS.refusal_decision,
    reasons: ['专间未配备独立的空气消毒设施'],
  });
  assert.notEqual(changed.sha256, a.sha256);
  assert.notEqual(fileId(changed.pdf), fileId(a.pdf), 'the /ID follows the content, not only the date');
  const otherDay = await renderDocument({
    ...SAMPLE_INPUTS.refusal_decision,
    issuedAt: '2026-03-18T07:00:00Z',
  });
  assert.notEqual(otherDay.sha256, a.sha256);
});

test('a long document runs over several pages, each a /Type /Page', async () => {
  const materials = Array.from({ length: 60 }, (_, i) => ({
    name: `材料${i + 1}`,
    requirement: '原件1份，复印件1份，加盖申请人公章，与登记信息一致',
  }));
  const { pdf } = await renderDocument({ ...SAMPLE_INPUTS.supplement_notice, materials });
  assertValidPdf(pdf);
  assert.ok(pageCount(pdf) >= 2, `expected several pages, got ${pageCount(pdf)}`);
});

test('renderPdf refuses content without a valid issue instant', async () => {
  const content = { ...composeDocument(SAMPLE_INPUTS.approval_decision), issuedAt: 'soon' };
  await assert.rejects(renderPdf(content), /issuedAt/);
});
