import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { createTestContext, type TestContext } from '../../../test/test-context.js';
import { Client } from '../../../test/http.js';
import { seedDemo, DEMO_PASSWORD } from '../../seed/seed-demo.js';
import { departmentId } from '../complaints/test-helpers.js';
import { bottom, tally, VERDICTS, type Verdict } from './dimensions.js';

let t: TestContext;
let admin: Client, head: Client, sup: Client;
let depts: { scj: string; wjw: string; zjj: string };
const DIMS = ['依法行政', '服务效率', '服务态度', '廉洁自律', '政务公开'];

before(async () => {
  t = await createTestContext({ start: '2026-11-30T01:30:00.000Z' });
  await seedDemo(t.db, t.clock);
  [admin, head, sup] = (await Promise.all(
    ['admin', 'head', 'supervisor'].map((u) => new Client(t.app).login(u, DEMO_PASSWORD)),
  )) as [Client, Client, Client];
  depts = {
    scj: await departmentId(t, 'SCJ'),
    wjw: await departmentId(t, 'WJW'),
    zjj: await departmentId(t, 'ZJJ'),
  };
});
after(() => t.close());

async function campaign(panel: Record<string, number> = { deputies: 3, residents: 20 }) {
  const r = await admin.req('POST', '/api/v1/appraisals', {
    title: '2026年度民主评议政风行风',
    periodStart: '2026-11-01',
    periodEnd: '2026-12-31',
    departmentIds: [depts.scj, depts.wjw, depts.zjj],
    dimensions: DIMS,
    panel,
    bottomCount: 1,
  });
  assert.equal(r.statusCode, 201, r.body);
  return r.json() as { id: string; version: number };
}
const issue = async (id: string, category: string, count: number) => {
  const r = await admin.req('POST', `/api/v1/appraisals/${id}/codes`, {
    category,
    count,
    delivery: 'printed',
  });
  assert.equal(r.statusCode, 201, r.body);
  return r.json().codes as string[];
};
const ballot = (scj: Verdict, others: Verdict = 'satisfied') => ({
  [depts.scj]: Object.fromEntries(DIMS.map((d) => [d, scj])),
  [depts.wjw]: Object.fromEntries(DIMS.map((d) => [d, others])),
  [depts.zjj]: Object.fromEntries(DIMS.map((d) => [d, others])),
});
const vote = (id: string, code: string, scores = ballot('satisfied')) =>
  new Client(t.app).req('POST', `/api/v1/appraisals/${id}/ballots`, { code, scores });

test('a code votes once; nothing stored links a code or a ballot to a person', async () => {
  const c = await campaign();
  assert.equal(
    (
      await head.req('POST', `/api/v1/appraisals/${c.id}/codes`, {
        category: 'deputies',
        count: 1,
        delivery: 'sent',
      })
    ).statusCode,
    403,
  );
  const codes = await issue(c.id, 'deputies', 3);
  assert.equal(codes.length, 3);
  assert.equal(new Set(codes).size, 3);
  const over = await admin.req('POST', `/api/v1/appraisals/${c.id}/codes`, {
    category: 'deputies',
    count: 1,
    delivery: 'printed',
  });
  assert.equal(over.statusCode, 409, 'no more codes than the panel has members');

  const incomplete = await vote(c.id, codes[0]!, { [depts.scj]: { 依法行政: 'satisfied' } });
  assert.equal(incomplete.statusCode, 400, 'every department on every dimension');
  const first = await vote(c.id, codes[0]!.toLowerCase().replace(/(.{4})/g, '$1-'));
  assert.equal(first.statusCode, 201, first.body);
  const again = await vote(c.id, codes[0]!);
  assert.equal(again.statusCode, 409);
  assert.equal(again.json().code, 'appraisal_code_used');
  assert.equal((await vote(c.id, 'AAAABBBBCCCC')).statusCode, 403);

  // What is stored: no code in clear anywhere, ballots without time, person or code, and the audit
  // event of a vote is the system's, naming only the campaign.
  const dump = JSON.stringify(
    await Promise.all(
      [
        'appraisal_campaigns',
        'appraisal_batches',
        'appraisal_valid_codes',
        'appraisal_used_codes',
        'appraisal_ballots',
        'audit_events',
      ].map((table) =>
        t.db
          .selectFrom(table as 'appraisal_ballots')
          .selectAll()
          .execute(),
      ),
    ),
  );
  for (const code of codes) assert.ok(!dump.includes(code), 'a code is never stored');
  const ballots = await t.db
    .selectFrom('appraisal_ballots')
    .selectAll()
    .where('campaign_id', '=', c.id)
    .execute();
  assert.equal(ballots.length, 1);
  assert.deepEqual(Object.keys(ballots[0]!).sort(), ['campaign_id', 'category', 'id', 'scores']);
  assert.doesNotMatch(ballots[0]!.id, /^[0-9a-f]{8}-[0-9a-f]{4}-7/, 'a random id, not a time-ordered one');
  const events = await t.db
    .selectFrom('audit_events')
    .selectAll()
    .where('action', '=', 'appraisal.ballot_cast')
    .execute();
  assert.equal(events.length, 1);
  const e = events[0]! as Record<string, unknown>;
  assert.equal(e.entity_id, c.id);
  assert.equal(e.actor_id, null);
  assert.ok(!JSON.stringify(e).includes(ballots[0]!.id));
  for (const v of Object.values(e))
    if (typeof v === 'string') assert.doesNotMatch(v, /127\.0\.0\.1/, 'no address');
  // The used code left the valid list: the counts say so, the hashes do not say which.
  const view = (await admin.req('GET', `/api/v1/appraisals/${c.id}`)).json();
  assert.deepEqual([view.codes.unused, view.codes.used], [2, 1]);
  assert.equal((await new Client(t.app).req('GET', `/api/v1/appraisals/${c.id}`)).json().codes, null);
});

test('one code voted by ten at once: exactly one ballot', async () => {
  const c = await campaign();
  const [code] = await issue(c.id, 'residents', 1);
  // Ten devices (addresses) at once, so the per-address guard is not what stops them.
  const answers = await Promise.all(
    Array.from({ length: 10 }, (_, i) =>
      t.app.inject({
        method: 'POST',
        url: `/api/v1/appraisals/${c.id}/ballots`,
        remoteAddress: `10.0.0.${i + 1}`,
        payload: { code: code!, scores: ballot('satisfied') },
      }),
    ),
  );
  const statuses = answers.map((a) => a.statusCode).sort();
  assert.deepEqual(
    statuses,
    [201, 409, 409, 409, 409, 409, 409, 409, 409, 409],
    answers.map((a) => a.body).join('\n'),
  );
  const n = await t.db.selectFrom('appraisal_ballots').select('id').where('campaign_id', '=', c.id).execute();
  assert.equal(n.length, 1);
});

test('results published with ballot counts; the bottom department rectifies on a clock and is appraised again', async () => {
  const c = await campaign();
  const deputies = await issue(c.id, 'deputies', 3);
  const residents = await issue(c.id, 'residents', 4);
  for (const code of deputies) assert.equal((await vote(c.id, code, ballot('dissatisfied'))).statusCode, 201);
  for (const code of residents.slice(0, 3))
    assert.equal((await vote(c.id, code, ballot('fairly_satisfied'))).statusCode, 201);
  assert.equal(
    (await head.req('POST', `/api/v1/appraisals/${c.id}/publish`, { version: c.version })).statusCode,
    403,
  );
  const pub = await admin.req('POST', `/api/v1/appraisals/${c.id}/publish`, { version: c.version });
  assert.equal(pub.statusCode, 200, pub.body);
  const v = pub.json();
  assert.equal(v.state, 'published');
  assert.equal(v.results.ballots, 6);
  assert.deepEqual(v.results.ballotsByCategory, { deputies: 3, residents: 3 });
  const scj = v.results.departments.find(
    (d: { department: { id: string } }) => d.department.id === depts.scj,
  );
  assert.equal(scj.rank, 3);
  assert.equal(scj.bottom, true);
  assert.deepEqual(scj.dimensions['服务态度'], { satisfied: 0, fairly_satisfied: 3, dissatisfied: 3 });
  assert.equal(scj.satisfaction, 0.5);
  assert.equal((await vote(c.id, residents[3]!)).statusCode, 409, 'voting is over');
  assert.equal(v.rectifications.length, 1);
  const rect = v.rectifications[0];
  assert.equal(rect.department.id, depts.scj);
  assert.ok(rect.dueDate);
  const re = (await new Client(t.app).req('GET', `/api/v1/appraisals/${rect.reappraisalId}`)).json();
  assert.equal(re.reappraisalOf, c.id);
  assert.deepEqual(
    re.departments.map((d: { id: string }) => d.id),
    [depts.scj],
  );
  assert.equal(re.state, 'open');
  // The head of the department reports its rectification; the supervisor may not.
  const body = { version: rect.version, report: '开展作风整顿，公开服务承诺' };
  assert.equal(
    (await sup.req('POST', `/api/v1/appraisal-rectifications/${rect.id}/report`, body)).statusCode,
    403,
  );
  assert.equal(
    (await head.req('POST', `/api/v1/appraisal-rectifications/${rect.id}/report`, body)).statusCode,
    200,
  );
  const after = (await new Client(t.app).req('GET', `/api/v1/appraisals/${c.id}`)).json();
  assert.equal(after.rectifications[0].state, 'reported');
});

test('tally: every ballot counted once per dimension; ranks ordered by score; the bottom is the last', () => {
  const ids = ['a', 'b', 'c'];
  const dims = ['x', 'y'];
  const verdict = fc.constantFrom(...VERDICTS);
  const ballotArb = fc.record({
    a: fc.record({ x: verdict, y: verdict }),
    b: fc.record({ x: verdict, y: verdict }),
    c: fc.record({ x: verdict, y: verdict }),
  });
  fc.assert(
    fc.property(fc.array(ballotArb, { maxLength: 30 }), (ballots) => {
      const r = tally(ids, dims, ballots);
      for (const d of r) {
        assert.equal(d.ballots, ballots.length);
        for (const dim of dims) {
          const c = d.dimensions[dim]!;
          assert.equal(c.satisfied + c.fairly_satisfied + c.dissatisfied, ballots.length);
        }
      }
      for (let i = 1; i < r.length; i++) assert.ok((r[i - 1]!.score ?? -1) >= (r[i]!.score ?? -1));
      const last = bottom(r, 1);
      if (ballots.length === 0) assert.deepEqual(last, []);
      else
        for (const id of last)
          assert.equal(r.find((d) => d.departmentId === id)!.score, r[r.length - 1]!.score);
    }),
  );
});
