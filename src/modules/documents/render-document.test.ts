import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import path from 'node:path';
import { SAMPLE_INPUTS, SAMPLE_INPUT_LIST } from './sample-inputs.js';

// This file runs in a process of its own (node --test), so what is loaded is what it loads.
const require = createRequire(import.meta.url);
const pdfStackLoaded = () =>
  Object.keys(require.cache).some(
    (f) => f.includes(`${path.sep}pdfkit${path.sep}`) || f.includes(`${path.sep}qrcode${path.sep}`),
  );

test('documents are rendered on the render threads: the PDF stack never loads on this thread', async () => {
  await import('../cases/case-deps-factory.js');
  await import('../fees/fee-documents.js');
  await import('../letters/letter-deps.js');
  const { RenderPool } = await import('./render-pool.js');
  const pool = new RenderPool(2);
  try {
    const rendered = await Promise.all(SAMPLE_INPUT_LIST.map((input) => pool.render(input)));
    for (const r of rendered) {
      assert.ok(r.pdf.subarray(0, 5).equals(Buffer.from('%PDF-')));
      assert.equal(r.sha256, createHash('sha256').update(r.pdf).digest('hex'));
    }
    assert.equal(pdfStackLoaded(), false, 'pdfkit or qrcode loaded on the calling thread');
  } finally {
    await pool.close();
  }
});

test('rendering is deterministic: the same input gives the same bytes in any thread, first or later', async () => {
  const { RenderPool } = await import('./render-pool.js');
  const a = new RenderPool(1);
  const b = new RenderPool(1);
  try {
    const input = SAMPLE_INPUTS.approval_decision;
    // a: the thread's first document (fonts parsed for it), then again with the fonts kept
    const first = await a.render(input);
    await a.render(SAMPLE_INPUTS.supplement_notice);
    const later = await a.render(structuredClone(input));
    // b: a fresh thread whose first document is another one
    await b.render(SAMPLE_INPUTS.receipt);
    const other = await b.render(input);
    assert.equal(later.sha256, first.sha256);
    assert.equal(other.sha256, first.sha256);
    assert.ok(later.pdf.equals(first.pdf));
    assert.equal(first.contentSha256, other.contentSha256);
    const changed = await a.render({ ...input, number: `${input.number}X` });
    assert.notEqual(changed.sha256, first.sha256);
    assert.notEqual(changed.contentSha256, first.contentSha256);
  } finally {
    await Promise.all([a.close(), b.close()]);
  }
});

test('a document that cannot be composed fails its render with the reason, and the thread goes on', async () => {
  const { RenderPool } = await import('./render-pool.js');
  const pool = new RenderPool(1);
  try {
    await assert.rejects(
      pool.render({ ...SAMPLE_INPUTS.acceptance_notice, number: '' }),
      (e: Error) => e.message.length > 0,
    );
    const ok = await pool.render(SAMPLE_INPUTS.acceptance_notice);
    assert.match(ok.sha256, /^[0-9a-f]{64}$/);
  } finally {
    await pool.close();
  }
});

test('every kind gives the same bytes in either of two threads, as a thread’s first document or a later one', async () => {
  const { RenderPool } = await import('./render-pool.js');
  const a = new RenderPool(1);
  const b = new RenderPool(1);
  try {
    // a renders the kinds in order, b in reverse: each kind is some thread's first or last document.
    const inA: { sha256: string; pdf: Buffer }[] = [];
    for (const input of SAMPLE_INPUT_LIST) inA.push(await a.render(input));
    const inB: { sha256: string }[] = [];
    for (const input of [...SAMPLE_INPUT_LIST].reverse()) inB.unshift(await b.render(structuredClone(input)));
    const again = await a.render(SAMPLE_INPUT_LIST[0]!);
    SAMPLE_INPUT_LIST.forEach((input, i) => {
      assert.equal(inB[i]!.sha256, inA[i]!.sha256, `${input.kind}: the same in both threads`);
    });
    assert.equal(again.sha256, inA[0]!.sha256, 'the first kind again, after every other');
    for (const r of inA) {
      const s = r.pdf.toString('latin1');
      // pdfkit's default font is never loaded: no Helvetica, and the fonts are named as they were (F2, F3).
      assert.doesNotMatch(s, /Helvetica/);
      assert.match(s, /\/F2 \d+ 0 R/);
    }
  } finally {
    await Promise.all([a.close(), b.close()]);
  }
});
