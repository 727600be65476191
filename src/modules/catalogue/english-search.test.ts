import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestContext, type TestContext } from '../../../test/test-context.js';
import { Client } from '../../../test/http.js';
import { seedDemo } from '../../seed/seed-demo.js';
import { englishWord, searchTokens } from './search/segmenter.js';

/** Items are found by their English names as by their Chinese ones, whatever the spelling. */
let t: TestContext;
before(async () => {
  t = await createTestContext();
  await seedDemo(t.db, t.clock);
});
after(() => t.close());

const search = async (q: string) => {
  const r = await new Client(t.app).req('GET', `/api/v1/search?q=${encodeURIComponent(q)}&limit=5`);
  assert.equal(r.statusCode, 200, r.body);
  return (r.json().items as { name: string }[]).map((i) => i.name);
};

test('English words: one form for British and American spelling and the plural, without the stop words', () => {
  assert.equal(englishWord('license'), 'licence');
  assert.equal(englishWord('licenses'), 'licence');
  assert.equal(englishWord('licences'), 'licence');
  assert.equal(englishWord('organization'), 'organisation');
  assert.equal(englishWord('business'), 'business', 'a double s is not a plural');
  assert.equal(englishWord('facilities'), 'facility');
  assert.equal(englishWord('permits'), 'permit');
  assert.deepEqual(searchTokens('How do I get a Food Business License?'), ['food', 'business', 'licence']);
  assert.deepEqual(searchTokens('食品经营许可'), searchTokens('食品经营许可'), 'Chinese is cut as before');
});

test('an English query finds the item by its English name, in either spelling', async () => {
  assert.equal((await search('Food Business Licence'))[0], '食品经营许可');
  assert.equal((await search('food business license'))[0], '食品经营许可');
  assert.equal((await search('how do I get a food business licence'))[0], '食品经营许可');
  assert.equal((await search('work permit for foreigners'))[0], '外国人来华工作许可');
  assert.ok((await search('pharmaceutical retail')).includes('药品零售企业许可'));
  assert.deepEqual(await search('the of and'), [], 'stop words alone find nothing');
  const r = await new Client(t.app).req('GET', `/api/v1/search?q=${encodeURIComponent('open a restaurant')}`);
  assert.equal(
    (r.json().bundles as { code: string }[])[0]?.code,
    'YJS-KCG',
    'the restaurant bundle (一件事) by its English name',
  );
});
