import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  commitment,
  eventHash,
  globalHash,
  publicEvent,
  publicEventHash,
  splitPersonal,
} from './event-hash.js';

// The worked example of docs/history-verification.md: if these change, the published recipe did.
test('the worked example of the published recipe', () => {
  const c = commitment('00112233445566778899aabbccddeeff', {
    actorId: '0193a1b2-0000-7000-8000-0000000000aa',
    data: {},
  });
  assert.equal(c, 'ea3d95069142d27bbaadf83b1e28d73cf85f1b2981700db6b630d6f8e9024416');
  const e = {
    caseId: '0193a1b2-0000-7000-8000-000000000001',
    seq: 2,
    at: '2026-12-02T02:00:00.000Z',
    actorRole: 'clerk',
    kind: 'accept',
    data: {
      from: 'received',
      to: 'under_review',
      dueDate: '2026-12-16',
      document: '清政服受〔2026〕第000001号',
    },
    commitment: c,
  };
  const hash = publicEventHash(e, 'a'.repeat(64));
  assert.equal(hash, 'de7bd866bb0fe4d56526b945355e9128bfde74036fc702e3c3c481c6a41e273e');
  assert.equal(
    globalHash({ globalSeq: 17, caseId: e.caseId, seq: 2 }, hash, 'b'.repeat(64)),
    '8661d80ebf75cb4a82fd642a8c5610f7c3cd7985342f7c337691471944ada03b',
  );
});

test('version 2 hashes the public form: personal fields only through the salted commitment', () => {
  const e = {
    caseId: 'c1',
    seq: 1,
    globalSeq: 1,
    at: '2026-12-02T02:00:00.000Z',
    actorId: 'u1',
    actorRole: 'clerk',
    kind: 'deliver',
    data: { method: 'in_person', recipient: '张三', document: 'X' },
  };
  assert.deepEqual(splitPersonal(e), {
    data: { method: 'in_person', document: 'X' },
    personal: { actorId: 'u1', data: { recipient: '张三' } },
  });
  const salt = 'ab'.repeat(16);
  const h = eventHash(e, 'p', 2, salt);
  assert.equal(h, publicEventHash(publicEvent(e, salt), 'p'));
  assert.notEqual(eventHash({ ...e, actorId: 'u2' }, 'p', 2, salt), h, 'the actor is bound');
  assert.notEqual(eventHash({ ...e, data: { ...e.data, recipient: '李四' } }, 'p', 2, salt), h);
  assert.notEqual(eventHash(e, 'p', 2, 'cd'.repeat(16)), h, 'another salt, another commitment');
  assert.throws(() => eventHash(e, 'p', 2, null), /without a salt/);
  assert.throws(() => eventHash(e, 'p', 3, salt), /no recipe for hash version 3/);
});
