import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import path from 'node:path';
import { SAMPLE_INPUT_LIST } from './sample-inputs.js';

// This file runs in a process of its own (node --test), so what is loaded is what it loads.
const require = createRequire(import.meta.url);
const pdfStackLoaded = () =>
  Object.keys(require.cache).some(
    (f) => f.includes(`${path.sep}pdfkit${path.sep}`) || f.includes(`${path.sep}qrcode${path.sep}`),
  );

test('the PDF stack loads with the first document rendered, not with the modules that issue documents', async () => {
  await import('../cases/case-deps-factory.js');
  await import('../fees/fee-documents.js');
  assert.equal(pdfStackLoaded(), false, 'loading the case and fee modules loaded pdfkit or qrcode');
  const { renderDocument } = await import('./render-document.js');
  const { pdf, sha256 } = await renderDocument(SAMPLE_INPUT_LIST[0]!);
  assert.ok(pdf.subarray(0, 5).equals(Buffer.from('%PDF-')));
  assert.match(sha256, /^[0-9a-f]{64}$/);
  assert.equal(pdfStackLoaded(), true);
});
