import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { metresBetween, rankDuplicates, textSimilarity } from './duplicates.js';

test('text similarity is the Jaccard index of the two word sets', () => {
  assert.equal(textSimilarity(['a', 'b'], ['b', 'c']), 1 / 3);
  assert.equal(textSimilarity(['a', 'a', 'b'], ['a', 'b']), 1);
  assert.equal(textSimilarity([], ['a']), 0);
  fc.assert(
    fc.property(fc.array(fc.string({ maxLength: 3 })), fc.array(fc.string({ maxLength: 3 })), (a, b) => {
      const s = textSimilarity(a, b);
      const union = new Set([...a, ...b]);
      const shared = [...new Set(a)].filter((x) => b.includes(x)).length;
      assert.equal(s, a.length && b.length ? shared / union.size : 0);
      assert.equal(s, textSimilarity(b, a));
    }),
  );
});

test('a place within 500 m lowers the bar for similar text; unrelated text is never suggested', () => {
  const probe = {
    terms: ['停车场', '收费', '票据'],
    lat: 30.2741,
    lng: 120.1551,
    createdAt: '2026-12-01T00:00:00Z',
  };
  const near = {
    id: 'n',
    ticketNo: 'N',
    state: 'accepted',
    terms: ['停车场', '保安', '态度', '门口'],
    lat: 30.2745,
    lng: 120.1553,
    createdAt: '2026-11-01T00:00:00Z',
  };
  const far = { ...near, id: 'f', ticketNo: 'F', lat: 30.3, lng: 120.2 };
  const unrelated = { ...near, id: 'u', ticketNo: 'U', terms: ['饮水机'] };
  assert.ok(metresBetween(probe, near) < 100);
  const ranked = rankDuplicates(probe, [near, far, unrelated]).map((r) => r.candidate.id);
  assert.deepEqual(ranked, ['n']);
});
