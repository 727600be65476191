import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadConfig, ConfigError } from './config.js';

test('reply limits: 15 working days for letters, three months for suggestions and proposals, each configurable', () => {
  assert.deepEqual(loadConfig({}).letters.replyLimits, {
    citizen: { unit: 'working_days', n: 15 },
    enterprise: { unit: 'working_days', n: 15 },
    agency: { unit: 'working_days', n: 15 },
    deputy_suggestion: { unit: 'months', n: 3 },
    cppcc_proposal: { unit: 'months', n: 3 },
  });
  const c = loadConfig({ LETTER_REPLY_DAYS_AGENCY: '10', LETTER_REPLY_MONTHS_CPPCC: '2' });
  assert.deepEqual(c.letters.replyLimits.agency, { unit: 'working_days', n: 10 });
  assert.deepEqual(c.letters.replyLimits.cppcc_proposal, { unit: 'months', n: 2 });
  for (const [variable, value] of [
    ['LETTER_REPLY_DAYS_CITIZEN', '0'],
    ['LETTER_REPLY_DAYS_ENTERPRISE', 'ten'],
    ['LETTER_REPLY_MONTHS_DEPUTY', '13'],
  ] as const)
    assert.throws(
      () => loadConfig({ [variable]: value }),
      (e: unknown) => e instanceof ConfigError && e.variable === variable,
    );
});
