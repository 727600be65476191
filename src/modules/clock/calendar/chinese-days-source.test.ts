import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { dayOfWeek, parseDate } from './calendar-day.js';
import { fromChineseDaysJson, loadChineseDays } from './chinese-days-source.js';

const raw = createRequire(import.meta.url)('chinese-days/dist/chinese-days.json') as {
  holidays: object;
  workdays: object;
};

test('loads every holiday and makeup workday in the package, sorted, with Chinese names', () => {
  const { specialDays } = loadChineseDays();
  assert.equal(specialDays.length, Object.keys(raw.holidays).length + Object.keys(raw.workdays).length);
  for (let i = 1; i < specialDays.length; i++) assert.ok(specialDays[i - 1]!.date < specialDays[i]!.date);
  const at = (date: string) => specialDays.find((d) => d.date === date);
  assert.deepEqual(at('2026-10-01'), {
    date: '2026-10-01',
    kind: 'holiday',
    name: '国庆节',
    source: 'chinese-days',
  });
  assert.deepEqual(at('2026-09-20'), {
    date: '2026-09-20',
    kind: 'makeup_workday',
    name: '国庆节',
    source: 'chinese-days',
  });
  assert.equal(at('2026-10-08'), undefined); // an ordinary Thursday
  for (const d of specialDays.filter((x) => x.kind === 'makeup_workday')) {
    assert.ok([0, 6].includes(dayOfWeek(parseDate(d.date)!)), `${d.date} is a makeup workday on a weekday`);
  }
});

test('confirmed years are exactly 2004 to the last year in the file; later years are absent, not guessed', () => {
  const { years, specialDays } = loadChineseDays();
  const last = Number(specialDays.at(-1)!.date.slice(0, 4));
  assert.deepEqual(
    years,
    Array.from({ length: last - 2004 + 1 }, (_, i) => ({ year: 2004 + i, confirmed: true })),
  );
  assert.ok(last >= 2026);
  assert.equal(
    years.some((y) => y.year === last + 1),
    false,
  );
});

test('a malformed file is refused rather than half-read', () => {
  assert.throws(() => fromChineseDaysJson(null), /expected \{ holidays, workdays \}/);
  assert.throws(() => fromChineseDaysJson({ holidays: {} }), /expected/);
  assert.throws(
    () => fromChineseDaysJson({ holidays: { '2026-02-30': 'x,春节,1' }, workdays: {} }),
    /unexpected holiday entry/,
  );
  assert.throws(
    () => fromChineseDaysJson({ holidays: { '2026-10-01': 'National Day' }, workdays: {} }),
    /unexpected holiday entry/,
  );
  assert.deepEqual(
    fromChineseDaysJson({ holidays: { '2005-01-01': "New Year's Day,元旦,1" }, workdays: {} }),
    {
      specialDays: [{ date: '2005-01-01', kind: 'holiday', name: '元旦', source: 'chinese-days' }],
      years: [
        { year: 2004, confirmed: true },
        { year: 2005, confirmed: true },
      ],
    },
  );
});
