import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { daysFromCivil, formatDate, isWeekend, parseDate, type SpecialDay } from './calendar-day.js';
import { loadChineseDays } from './chinese-days-source.js';
import { diffYear, parseDateRanges, parseHolidayCn, type CalendarInputError } from './holiday-cn.js';

/** The 2026 notice as holiday-cn publishes it (its own names: 清明节, 端午节, 中秋节). */
const range = (name: string, from: string, to: string, isOffDay: boolean) => {
  const out = [];
  for (let n = parseDate(from)!; n <= parseDate(to)!; n++) out.push({ name, date: formatDate(n), isOffDay });
  return out;
};
const notice2026 = {
  year: 2026,
  papers: [],
  days: [
    ...range('元旦', '2026-01-01', '2026-01-03', true),
    ...range('元旦', '2026-01-04', '2026-01-04', false),
    ...range('春节', '2026-02-14', '2026-02-14', false),
    ...range('春节', '2026-02-15', '2026-02-23', true),
    ...range('春节', '2026-02-28', '2026-02-28', false),
    ...range('清明节', '2026-04-04', '2026-04-06', true),
    ...range('劳动节', '2026-05-01', '2026-05-05', true),
    ...range('劳动节', '2026-05-09', '2026-05-09', false),
    ...range('端午节', '2026-06-19', '2026-06-21', true),
    ...range('中秋节', '2026-09-25', '2026-09-27', true),
    ...range('国庆节', '2026-09-20', '2026-09-20', false),
    ...range('国庆节', '2026-10-01', '2026-10-07', true),
    ...range('国庆节', '2026-10-10', '2026-10-10', false),
  ],
};

const errorsOf = (r: ReturnType<typeof parseHolidayCn>): CalendarInputError[] =>
  'errors' in r ? r.errors : [];
const paths = (r: ReturnType<typeof parseHolidayCn>): string[] => errorsOf(r).map((e) => e.path);

test('parseHolidayCn reads a whole notice, sorted by date, with the given source', () => {
  const r = parseHolidayCn(notice2026, 'test: holiday-cn 2026.json');
  assert.ok('days' in r, JSON.stringify(r));
  assert.equal(r.year, 2026);
  assert.equal(r.days.length, notice2026.days.length);
  assert.deepEqual(r.days[0], {
    date: '2026-01-01',
    kind: 'holiday',
    name: '元旦',
    source: 'test: holiday-cn 2026.json',
  });
  assert.deepEqual(
    r.days.filter((d) => d.kind === 'makeup_workday').map((d) => d.date),
    ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
  );
  for (let i = 1; i < r.days.length; i++) assert.ok(r.days[i - 1]!.date < r.days[i]!.date);
});

test("diffYear against the bundled 2026 data: same days, only holiday-cn's longer names differ", () => {
  const r = parseHolidayCn(notice2026, 'holiday-cn');
  assert.ok('days' in r);
  const bundled2026 = loadChineseDays().specialDays.filter((d) => d.date.startsWith('2026-'));
  const diff = diffYear(bundled2026, r.days);
  assert.deepEqual(diff.added, []);
  assert.deepEqual(diff.removed, []);
  assert.deepEqual(
    [...new Set(diff.changed.map((c) => `${c.before.name}→${c.after.name}`))],
    ['清明→清明节', '端午→端午节', '中秋→中秋节'],
  );
  assert.equal(diff.changed.length, 9);
  assert.ok(diff.changed.every((c) => c.before.kind === c.after.kind && c.before.date === c.after.date));
});

test('diffYear finds an added, a removed and a changed day; a new source alone is no change', () => {
  const d = (date: string, kind: SpecialDay['kind'], name: string, source = 'old'): SpecialDay => ({
    date,
    kind,
    name,
    source,
  });
  const before = [
    d('2027-10-01', 'holiday', '国庆节'),
    d('2027-10-09', 'makeup_workday', '国庆节'),
    d('2027-10-10', 'makeup_workday', '国庆节'),
  ];
  const after = [
    d('2027-10-01', 'holiday', '国庆节', 'new'),
    d('2027-10-08', 'holiday', '国庆节', 'new'),
    d('2027-10-10', 'holiday', '国庆节', 'new'),
  ];
  assert.deepEqual(diffYear(before, after), {
    added: [after[1]],
    removed: [before[1]],
    changed: [{ before: before[2], after: after[2] }],
  });
  assert.deepEqual(diffYear(before, before), { added: [], removed: [], changed: [] });
});

test('parseHolidayCn: late-December days of the previous year are part of a notice (2019: 2018-12-29..31)', () => {
  const r = parseHolidayCn(
    {
      year: 2019,
      papers: [],
      days: [
        { name: '元旦', date: '2018-12-29', isOffDay: false },
        { name: '元旦', date: '2018-12-30', isOffDay: true },
        { name: '元旦', date: '2018-12-31', isOffDay: true },
        { name: '元旦', date: '2019-01-01', isOffDay: true },
      ],
    },
    'test',
  );
  assert.ok('days' in r, JSON.stringify(r));
  assert.equal(r.days.length, 4);
});

test('parseHolidayCn rejects bad input and reports every problem with its path', () => {
  assert.deepEqual(paths(parseHolidayCn(null, 's')), ['']);
  assert.deepEqual(paths(parseHolidayCn([], 's')), ['']);
  assert.deepEqual(paths(parseHolidayCn({ year: '2027', days: [] }, 's')), ['year', 'days']);
  assert.deepEqual(paths(parseHolidayCn({ year: 2027.5, days: 'x', papers: 'x' }, 's')), [
    'year',
    'papers',
    'days',
  ]);
  const r = parseHolidayCn(
    {
      year: 2027,
      papers: ['https://www.gov.cn/x', ''],
      days: [
        { name: '元旦', date: '2027-01-01', isOffDay: true }, // fine
        { name: '', date: '2027-01-02', isOffDay: true }, // empty name
        { name: '春节', date: '2027-02-30', isOffDay: true }, // not a real date
        { name: '春节', date: '2027-2-6', isOffDay: true }, // not padded
        { name: '国庆节', date: '2028-10-01', isOffDay: true }, // another year
        { name: '国庆节', date: '2026-11-30', isOffDay: false }, // previous year but not December
        { name: '国庆节', date: '2027-10-08', isOffDay: false }, // makeup workday on a Friday
        { name: '元旦', date: '2027-01-01', isOffDay: true }, // duplicate of days[0]
        { name: '劳动节', date: '2027-05-01', isOffDay: 'yes' }, // not a boolean
        'x',
      ],
    },
    's',
  );
  assert.deepEqual(paths(r), [
    'papers[1]',
    'days[1].name',
    'days[2].date',
    'days[3].date',
    'days[4].date',
    'days[5].date',
    'days[6].date',
    'days[7].date',
    'days[8].isOffDay',
    'days[9]',
  ]);
  for (const e of errorsOf(r)) assert.ok(e.zh.length > 0 && e.en.length > 0);
  assert.match(errorsOf(r)[7]!.en, /repeats days\[0\]/);
  assert.match(errorsOf(r)[6]!.zh, /不是星期六或星期日/);
});

test('property: a makeup workday is accepted exactly when it falls on a weekend', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: daysFromCivil(2027, 1, 1), max: daysFromCivil(2027, 12, 31) }),
      fc.boolean(),
      (n, off) => {
        const r = parseHolidayCn(
          { year: 2027, days: [{ name: '测试', date: formatDate(n), isOffDay: off }] },
          's',
        );
        assert.equal('days' in r, off || isWeekend(n));
      },
    ),
  );
});

test('parseDateRanges reads ranges and single days typed by an administrator', () => {
  const r = parseDateRanges(
    [
      '# 2027 notice, as typed',
      '国庆节 2027-10-01..2027-10-07 off',
      '',
      '国庆节 2027-10-09 work',
      '元旦\u30002026-12-26 班', // full-width space, Chinese kind word, previous December
    ].join('\n'),
    2027,
    'admin',
  );
  assert.ok('days' in r, JSON.stringify(r));
  assert.equal(r.days.length, 9);
  assert.deepEqual(r.days[0], { date: '2026-12-26', kind: 'makeup_workday', name: '元旦', source: 'admin' });
  assert.deepEqual(r.days.at(-1), {
    date: '2027-10-09',
    kind: 'makeup_workday',
    name: '国庆节',
    source: 'admin',
  });
  assert.equal(r.days.filter((d) => d.kind === 'holiday').length, 7);
});

test('parseDateRanges reports every bad line by its line number', () => {
  const r = parseDateRanges(
    [
      '国庆节 2027-10-01..2027-10-07 off', // line 1: fine
      '国庆节 2027-10-08 work', // line 2: Friday
      '春节 2027-02-10..2027-02-05 off', // line 3: reversed
      '春节 2027-02-30 off', // line 4: not a date
      '端午 2027-06-09 rest', // line 5: unknown kind
      '国庆节 2027-10-07 off', // line 6: repeats line 1
      '2027-05-01 off', // line 7: no name
      '劳动节 2028-05-01 off', // line 8: another year
      '元旦 2027-01-01..2027-03-01 off', // line 9: too long
    ].join('\n'),
    2027,
    'admin',
  );
  assert.ok('errors' in r);
  assert.deepEqual(
    r.errors.map((e) => e.path),
    ['line 2', 'line 3', 'line 4', 'line 5', 'line 6', 'line 7', 'line 8', 'line 9'],
  );
  assert.match(r.errors[4]!.en, /repeats line 1/);
  assert.deepEqual(parseDateRanges('', 2027, 'admin'), {
    errors: [{ path: 'line 1', zh: '没有输入任何日期', en: 'no days were entered' }],
  });
  assert.deepEqual(paths(parseDateRanges('国庆节 2027-10-01 off', 1900, 'admin')), ['year']);
});
