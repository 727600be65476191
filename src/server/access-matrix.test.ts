import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestContext, type TestContext } from '../../test/test-context.js';
import { seedDemo } from '../seed/seed-demo.js';
import { injectTransport } from '../../test/probe/transport.js';
import { demoIdentities, probeResources } from '../../test/probe/demo-identities.js';
import { probeAccessMatrix, matrixText } from '../../test/probe/access-matrix.js';

/**
 * The short version of the access-matrix drill: every route of the OpenAPI document probed as the
 * visitor and as each demo role, compared with the roles its declared policy rule can ever admit
 * (src/server/route-policies.ts). A route reached by a role its rule never admits fails, and so
 * does a route without a declared rule.
 */
let t: TestContext;
before(async () => {
  t = await createTestContext();
  await seedDemo(t.db, t.clock);
});
after(() => t.close());

test('access matrix: no role reaches a route its policy rule never admits; every route declares its rule', async (ctx) => {
  const send = injectTransport(t.app);
  const doc = JSON.parse((await send({ method: 'GET', url: '/api/v1/openapi.json', headers: {} })).body);
  const identities = await demoIdentities(send);
  const r = await probeAccessMatrix(send, doc, identities, await probeResources(send, identities));
  ctx.diagnostic(JSON.stringify(r.figures));
  assert.ok(r.figures.routes >= 100, `routes in the document: ${r.figures.routes}`);
  assert.deepEqual(r.findings, [], matrixText(r.rows));
  assert.ok(r.figures.refused > 100, 'the probe is refused somewhere, or it probes nothing');
});

test('every route publishes its policy rule in the OpenAPI document as x-policy', async () => {
  const doc = (await t.app.inject('/api/v1/openapi.json')).json();
  assert.equal(doc.paths['/api/v1/worklist'].get['x-policy'], 'casePolicy.worklist');
  assert.equal(doc.paths['/api/v1/cases/{id}/accept'].post['x-policy'], 'casePolicy.act:accept');
});
