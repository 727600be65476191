import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestContext, type TestContext } from '../../test/test-context.js';
import { Client } from '../../test/http.js';
import { DEMO_PASSWORD, seedDemo } from './seed-demo.js';
import { seedDemoRatings } from './demo-ratings.js';

let t: TestContext;
before(async () => {
  t = await createTestContext({ start: '2026-11-30T01:30:00.000Z' });
  await seedDemo(t.db, t.clock);
});
after(() => t.close());

test('a fresh start shows ratings, a bad one in rectification, an excluded one, an appeal waiting, an appraisal with results', async () => {
  const r = await seedDemoRatings(t.appContext);
  assert.equal(r.ratings, 11);
  assert.equal(r.ballots, 16);
  const sup = await new Client(t.app).login('supervisor', DEMO_PASSWORD);
  const rects = (await sup.req('GET', '/api/v1/rating-rectifications')).json();
  assert.ok(rects.items.some((x: { state: string }) => x.state === 'answered'));
  const appeals = (await sup.req('GET', '/api/v1/rating-appeals?state=pending')).json();
  assert.equal(appeals.total, 1);
  const stats = (await new Client(t.app).req('GET', '/api/v1/ratings/stats')).json();
  assert.equal(stats.exclusions.length, 1);
  const campaigns = (await new Client(t.app).req('GET', '/api/v1/appraisals')).json();
  const published = campaigns.items.find((c: { state: string }) => c.state === 'published');
  assert.equal(published.results.ballots, 16);
  assert.equal(published.rectifications.length >= 1, true);
  assert.ok(campaigns.items.some((c: { reappraisalOf: string | null }) => c.reappraisalOf === published.id));
});
