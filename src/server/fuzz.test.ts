import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestContext, type TestContext } from '../../test/test-context.js';
import { seedDemo } from '../seed/seed-demo.js';
import { injectTransport } from '../../test/probe/transport.js';
import { demoIdentities, probeResources } from '../../test/probe/demo-identities.js';
import { runFuzz } from '../../test/probe/fuzz-run.js';

/**
 * The short version of the fuzz drill (drills/fuzz.drill.ts): hostile values for every parameter
 * and body member of every route in the OpenAPI document, anonymous and as each demo role, in a
 * fixed seeded sample. No answer may be a 5xx, and every 4xx is problem+json in the language asked.
 */
let t: TestContext;
before(async () => {
  t = await createTestContext();
  await seedDemo(t.db, t.clock);
});
after(() => t.close());

test('fuzzing every route: no 5xx, every 4xx problem+json in the language asked for', async (ctx) => {
  const send = injectTransport(t.app);
  const doc = JSON.parse((await send({ method: 'GET', url: '/api/v1/openapi.json', headers: {} })).body);
  const identities = await demoIdentities(send);
  const { figures, failures } = await runFuzz(send, doc, identities, {
    maxRequests: 1500,
    maxMs: 60_000,
    concurrency: 4,
    seed: 17,
    ids: await probeResources(send, identities),
  });
  ctx.diagnostic(JSON.stringify(figures));
  assert.ok(figures.routes >= 100, `routes in the document: ${figures.routes}`);
  assert.deepEqual(failures, [], JSON.stringify(figures));
  assert.equal(figures['5xx'] + figures.nonProblem + figures.wrongLanguage, 0);
});
