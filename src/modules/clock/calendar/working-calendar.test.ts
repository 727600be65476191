import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { daysFromCivil, formatDate, isWeekend, parseDate, type SpecialDay } from './calendar-day.js';
import { loadChineseDays } from './chinese-days-source.js';
import { parseHolidayCn } from './holiday-cn.js';
import { WorkingCalendar } from './working-calendar.js';

// The real calendar as shipped (chinese-days: confirmed 2004–2026 at the time of writing).
const bundled = loadChineseDays();
const cal = new WorkingCalendar(bundled.specialDays, bundled.years, { from: 2004, to: 2040 });

/** Day-by-day reference implementation, written straight from the rule, to check the index against. */
const specialByDate = new Map(bundled.specialDays.map((d) => [d.date, d.kind]));
function naiveIsWorking(n: number): boolean {
  const kind = specialByDate.get(formatDate(n));
  return kind ? kind === 'makeup_workday' : !isWeekend(n);
}
function naiveAdd(start: string, k: number): string {
  let n = parseDate(start)!;
  if (k === 0) {
    while (!naiveIsWorking(n)) n++;
    return formatDate(n);
  }
  for (let left = k; left > 0;) if (naiveIsWorking(++n)) left--;
  return formatDate(n);
}

const day = (y1: number, y2: number) =>
  fc.integer({ min: daysFromCivil(y1, 1, 1), max: daysFromCivil(y2, 12, 31) }).map(formatDate);
const anyStart = day(2005, 2026);
const limit = fc.integer({ min: 1, max: 500 });

test('2026 National Day: 10-01..10-07 off, makeup workdays Sun 09-20 and Sat 10-10 (as in chinese-days.json)', () => {
  for (const d of ['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07', '2026-10-11'])
    assert.equal(cal.isWorkingDay(d), false, d);
  for (const d of ['2026-09-20', '2026-09-30', '2026-10-08', '2026-10-09', '2026-10-10'])
    assert.equal(cal.isWorkingDay(d), true, d);
  assert.equal(cal.addWorkingDays('2026-09-30', 1), '2026-10-08'); // lands after the holiday
  assert.equal(cal.addWorkingDays('2026-09-30', 3), '2026-10-10'); // the makeup Saturday counts
  assert.equal(cal.addWorkingDays('2026-10-09', 1), '2026-10-10');
  assert.equal(cal.addWorkingDays('2026-09-19', 1), '2026-09-20'); // Saturday start, makeup Sunday is day 1
  assert.equal(cal.workingDaysBetween('2026-09-30', '2026-10-10'), 3);
  assert.equal(cal.workingDaysBetween('2026-10-10', '2026-09-30'), -3);
  assert.equal(cal.nextWorkingDay('2026-09-30'), '2026-10-08');
});

test('explain reads like the notice: "skipped 国庆节 1–7 Oct", with makeup days listed', () => {
  assert.deepEqual(cal.explain('2026-09-30', 3), {
    due: '2026-10-10',
    provisional: false,
    skipped: [{ name: '国庆节', from: '2026-10-01', to: '2026-10-07', days: 7 }],
    makeupWorkdays: [{ date: '2026-10-10', name: '国庆节' }],
  });
  // 2025: 中秋 fell inside 国庆节, and the data names it so; the runs follow the names.
  assert.equal(cal.addWorkingDays('2025-09-30', 1), '2025-10-09');
  assert.deepEqual(cal.explain('2025-09-30', 1).skipped, [
    { name: '国庆节', from: '2025-10-01', to: '2025-10-05', days: 5 },
    { name: '中秋', from: '2025-10-06', to: '2025-10-06', days: 1 },
    { name: '国庆节', from: '2025-10-07', to: '2025-10-08', days: 2 },
  ]);
  // A run that started before the window is clipped to it: the start day is not counted.
  assert.deepEqual(cal.explain('2026-10-03', 1).skipped, [
    { name: '国庆节', from: '2026-10-04', to: '2026-10-07', days: 4 },
  ]);
  // 即办件 filed on a holiday: the start day itself is judged, so it is part of the explanation.
  assert.deepEqual(cal.explain('2026-10-01', 0).skipped, [
    { name: '国庆节', from: '2026-10-01', to: '2026-10-07', days: 7 },
  ]);
  assert.deepEqual(cal.explain('2026-03-02', 5), {
    due: '2026-03-09',
    provisional: false,
    skipped: [],
    makeupWorkdays: [],
  });
});

test('Spring Festival 2024 and 2026, and whole-year working-day totals', () => {
  // 2024: 02-10..02-17 off; 02-09 (除夕) was a working day; Sunday 02-18 was a makeup workday.
  assert.equal(cal.isWorkingDay('2024-02-09'), true);
  assert.equal(cal.addWorkingDays('2024-02-09', 1), '2024-02-18');
  assert.equal(cal.addWorkingDays('2024-02-09', 2), '2024-02-19');
  // 2026: 02-15..02-23 off; Saturdays 02-14 and 02-28 are makeup workdays.
  assert.equal(cal.addWorkingDays('2026-02-13', 1), '2026-02-14');
  assert.equal(cal.addWorkingDays('2026-02-14', 1), '2026-02-24');
  assert.equal(cal.workingDaysBetween('2026-02-14', '2026-02-28'), 5); // 24, 25, 26, 27, 28
  // Published totals: 2024 had 251 working days, 2025 and 2026 have 248.
  assert.equal(cal.workingDaysBetween('2023-12-31', '2024-12-31'), 251);
  assert.equal(cal.workingDaysBetween('2024-12-31', '2025-12-31'), 248);
  assert.equal(cal.workingDaysBetween('2025-12-31', '2026-12-31'), 248);
});

test('a period that would end on a non-working day ends on the next working day', () => {
  // Thu 2026-09-24 + 1: Fri 09-25 is 中秋, then a weekend, so the period ends Mon 09-28.
  assert.equal(cal.addWorkingDays('2026-09-24', 1), '2026-09-28');
  // Five working days from Mon 2026-03-02 end Mon 03-09, never on Sat 03-07.
  assert.equal(cal.addWorkingDays('2026-03-02', 5), '2026-03-09');
  assert.equal(cal.addWorkingDays('2026-03-06', 1), '2026-03-09'); // Friday + 1 skips the weekend
});

test('n = 0 (即办件): the same working day, or the next one', () => {
  assert.equal(cal.addWorkingDays('2026-03-04', 0), '2026-03-04'); // Wednesday
  assert.equal(cal.addWorkingDays('2026-03-08', 0), '2026-03-09'); // Sunday → Monday
  assert.equal(cal.addWorkingDays('2026-10-04', 0), '2026-10-08'); // Sunday in 国庆节 → first day back
  assert.equal(cal.addWorkingDays('2026-09-20', 0), '2026-09-20'); // makeup Sunday is a working day
});

test('addWorkingDays agrees with a day-by-day reference implementation', () => {
  fc.assert(
    fc.property(anyStart, fc.integer({ min: 0, max: 500 }), (s, n) => {
      assert.equal(cal.addWorkingDays(s, n), naiveAdd(s, n));
    }),
    { numRuns: 500 },
  );
  fc.assert(
    fc.property(day(2004, 2040), (d) => {
      assert.equal(cal.isWorkingDay(d), naiveIsWorking(parseDate(d)!));
    }),
    { numRuns: 2000 },
  );
});

test('property: counting back the working days gives n, and the due date is a working day after the start', () => {
  fc.assert(
    fc.property(anyStart, limit, (s, n) => {
      const due = cal.addWorkingDays(s, n);
      assert.equal(cal.workingDaysBetween(s, due), n);
      assert.equal(cal.workingDaysBetween(due, s), -n);
      assert.equal(cal.isWorkingDay(due), true);
      assert.ok(due > s);
      // It is the earliest such day: the day before it still falls short.
      assert.equal(cal.workingDaysBetween(s, formatDate(parseDate(due)! - 1)), n - 1);
    }),
    { numRuns: 1000 },
  );
  fc.assert(
    fc.property(anyStart, (s) => {
      const due = cal.addWorkingDays(s, 0);
      assert.equal(cal.isWorkingDay(due), true);
      assert.ok(due >= s);
      assert.equal(due === s, cal.isWorkingDay(s));
    }),
    { numRuns: 500 },
  );
});

test('property: a later start never gives an earlier due date', () => {
  fc.assert(
    fc.property(anyStart, anyStart, fc.integer({ min: 0, max: 500 }), (a, b, n) => {
      const [s1, s2] = a <= b ? [a, b] : [b, a];
      assert.ok(cal.addWorkingDays(s1, n) <= cal.addWorkingDays(s2, n));
    }),
    { numRuns: 1000 },
  );
});

test('property: limits compose — add(add(s, a), b) = add(s, a + b) when a ≥ 1 or s is a working day', () => {
  // Precondition: the first step must land on s's own working-day count. For a ≥ 1 the result is the
  // a-th working day after s, whatever s is. For a = 0 on a non-working s the first step already moves
  // to the next working day, which the second step then skips as its start: one day too far.
  const steps = fc.integer({ min: 0, max: 300 });
  fc.assert(
    fc.property(anyStart, steps, steps, (s, a, b) => {
      fc.pre(a >= 1 || cal.isWorkingDay(s));
      assert.equal(cal.addWorkingDays(cal.addWorkingDays(s, a), b), cal.addWorkingDays(s, a + b));
    }),
    { numRuns: 1000 },
  );
  // And the precondition is needed: Sunday 2026-03-08, a = 0, b = 1.
  assert.equal(cal.addWorkingDays(cal.addWorkingDays('2026-03-08', 0), 1), '2026-03-10');
  assert.equal(cal.addWorkingDays('2026-03-08', 1), '2026-03-09');
});

test('property: workingDaysBetween is additive and antisymmetric', () => {
  fc.assert(
    fc.property(anyStart, anyStart, anyStart, (a, b, c) => {
      assert.equal(cal.workingDaysBetween(a, b) + cal.workingDaysBetween(b, c), cal.workingDaysBetween(a, c));
      assert.equal(cal.workingDaysBetween(a, b) + cal.workingDaysBetween(b, a), 0);
    }),
  );
});

test('property: explain agrees with addWorkingDays and only reports days in (start, due]', () => {
  fc.assert(
    fc.property(anyStart, limit, (s, n) => {
      const ex = cal.explain(s, n);
      assert.equal(ex.due, cal.addWorkingDays(s, n));
      let prevTo = '';
      for (const run of ex.skipped) {
        assert.ok(run.from > s && run.to <= ex.due && run.from <= run.to, JSON.stringify(run));
        assert.ok(run.from > prevTo);
        assert.equal(run.days, parseDate(run.to)! - parseDate(run.from)! + 1);
        for (let d = parseDate(run.from)!; d <= parseDate(run.to)!; d++)
          assert.equal(cal.isWorkingDay(formatDate(d)), false);
        prevTo = run.to;
      }
      for (const m of ex.makeupWorkdays) {
        assert.ok(m.date > s && m.date <= ex.due);
        assert.equal(cal.isWorkingDay(m.date), true);
        assert.equal(isWeekend(parseDate(m.date)!), true);
      }
      // Every holiday in the window is accounted for.
      const held = bundled.specialDays.filter(
        (d) => d.kind === 'holiday' && d.date > s && d.date <= ex.due,
      ).length;
      assert.equal(
        ex.skipped.reduce((t, r) => t + r.days, 0),
        held,
      );
    }),
    { numRuns: 500 },
  );
});

test('a year beyond the last confirmed one is provisional, and deadlines reaching into it are flagged', () => {
  const lastConfirmed = Math.max(...bundled.years.filter((y) => y.confirmed).map((y) => y.year));
  assert.equal(lastConfirmed, 2026);
  assert.equal(cal.isProvisional('2026-12-31'), false);
  assert.equal(cal.isProvisional('2027-01-01'), true);
  assert.equal(cal.isProvisional('2003-06-02'), true); // before the bundled data
  assert.equal(cal.isProvisional('2100-01-01'), true); // outside the index: still answerable
  assert.deepEqual(cal.provisionalYearsBetween('2026-12-20', '2028-01-05'), [2027, 2028]);
  assert.deepEqual(cal.provisionalYearsBetween('2028-01-05', '2026-12-20'), [2027, 2028]);
  assert.deepEqual(cal.provisionalYearsBetween('2025-01-01', '2026-12-31'), []);
  // Until the 2027 notice is entered, 2027 follows the plain rule: Fri 2027-01-01 counts, flagged.
  assert.equal(cal.isWorkingDay('2027-01-01'), true);
  const ex = cal.explain('2026-12-20', 20);
  assert.equal(ex.due, '2027-01-15');
  assert.equal(ex.provisional, true);
  assert.equal(cal.explain('2026-11-02', 20).provisional, false);
});

test('entering a (fictional, test-only) 2027 notice confirms the year and moves deadlines', () => {
  const notice = parseHolidayCn(
    {
      year: 2027,
      papers: [],
      days: [
        { name: '元旦', date: '2027-01-01', isOffDay: true },
        { name: '元旦', date: '2027-01-02', isOffDay: true },
        { name: '元旦', date: '2027-01-03', isOffDay: true },
      ],
    },
    'test fixture',
  );
  assert.ok('days' in notice);
  const years = [...bundled.years, { year: 2027, confirmed: true }];
  const next = new WorkingCalendar([...bundled.specialDays, ...notice.days], years, { from: 2004, to: 2040 });
  const ex = next.explain('2026-12-20', 20);
  assert.equal(ex.due, '2027-01-18'); // one day later than the provisional answer
  assert.equal(ex.provisional, false);
  assert.deepEqual(ex.skipped, [{ name: '元旦', from: '2027-01-01', to: '2027-01-03', days: 3 }]);
});

test('invalid arguments are refused with a RangeError that says why', () => {
  for (const n of [-1, 1.5, Number.NaN, Infinity, 3651]) {
    assert.throws(() => cal.addWorkingDays('2026-03-02', n), {
      name: 'RangeError',
      message: /whole number from 0 to 3650/,
    });
  }
  assert.equal(cal.addWorkingDays('2026-03-02', 3650) > '2040-01-01', true);
  assert.throws(() => cal.addWorkingDays('2026-02-30', 1), {
    name: 'RangeError',
    message: /not a real date/,
  });
  assert.throws(() => cal.addWorkingDays('2026-2-3', 1), { name: 'RangeError', message: /not a real date/ });
  assert.throws(() => cal.addWorkingDays('2026-0:-01', 1), {
    name: 'RangeError',
    message: /not a real date/,
  });
  assert.throws(() => cal.addWorkingDays('2003-12-31', 1), {
    name: 'RangeError',
    message: /outside the working calendar \(2004-01-01 to 2040-12-31\)/,
  });
  assert.throws(() => cal.addWorkingDays('2041-01-02', 0), {
    name: 'RangeError',
    message: /outside the working calendar/,
  });
  assert.throws(() => cal.addWorkingDays('2040-12-20', 30), {
    name: 'RangeError',
    message: /runs past the end of the working calendar/,
  });
  assert.throws(() => cal.isWorkingDay('2026-13-01'), RangeError);
  assert.throws(() => cal.workingDaysBetween('2026-01-01', '2050-01-01'), RangeError);
  assert.throws(() => cal.explain('2026-01-01', -1), RangeError);
  assert.throws(() => cal.isProvisional('2026-02-29'), RangeError);
});

test('the constructor refuses inconsistent calendar data', () => {
  const h = (date: string, kind: SpecialDay['kind'] = 'holiday'): SpecialDay => ({
    date,
    kind,
    name: 'x',
    source: 'test',
  });
  assert.throws(
    () => new WorkingCalendar([h('2030-10-01'), h('2030-10-01')], [], { from: 2030, to: 2030 }),
    /given twice/,
  );
  assert.throws(
    () => new WorkingCalendar([h('2030-10-01', 'makeup_workday')], [], { from: 2030, to: 2030 }),
    /not a Saturday or Sunday/,
  );
  assert.throws(() => new WorkingCalendar([h('2030-02-30')], [], { from: 2030, to: 2030 }), /invalid date/);
  assert.throws(
    () =>
      new WorkingCalendar(
        [],
        [
          { year: 2030, confirmed: true },
          { year: 2030, confirmed: false },
        ],
        { from: 2030, to: 2030 },
      ),
    /listed twice/,
  );
  assert.throws(() => new WorkingCalendar([], [], { from: 2031, to: 2030 }), RangeError);
  assert.throws(() => new WorkingCalendar([], [], { from: 1899, to: 2030 }), RangeError);
});

test('a calendar with no special days follows the plain Mon–Fri rule, to the last day of its range', () => {
  const plain = new WorkingCalendar([], [], { from: 2030, to: 2030 });
  assert.equal(plain.workingDaysBetween('2030-01-01', '2030-12-31'), 260); // 2030-01-01 is a Tuesday
  assert.equal(plain.addWorkingDays('2030-12-27', 1), '2030-12-30');
  assert.equal(plain.addWorkingDays('2030-12-30', 1), '2030-12-31');
  assert.throws(() => plain.addWorkingDays('2030-12-31', 1), /runs past the end/);
  assert.equal(plain.addWorkingDays('2030-01-01', 0), '2030-01-01');
  assert.equal(plain.isProvisional('2030-06-01'), true);
});
