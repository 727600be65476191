import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { calendarSourceLabel, holidayNameEn } from './holiday-names.js';

test('every holiday name in the bundled calendar has an English name', () => {
  const data = createRequire(import.meta.url)('chinese-days/dist/chinese-days.json') as {
    holidays: Record<string, string>;
    workdays: Record<string, string>;
  };
  const names = new Set(
    [...Object.values(data.holidays), ...Object.values(data.workdays)].map((v) => v.split(',')[1]!),
  );
  for (const n of names) assert.doesNotMatch(holidayNameEn(n), /[\u4e00-\u9fff]/, n);
  assert.equal(holidayNameEn('国庆节'), 'National Day');
});

test('a combined name is translated part by part; an unknown one is kept', () => {
  assert.equal(holidayNameEn('国庆节、中秋节'), 'National Day and Mid-Autumn Festival');
  assert.equal(holidayNameEn('元旦,春节,清明'), "New Year's Day, Spring Festival and Qingming Festival");
  assert.equal(holidayNameEn('本市特别假日'), '本市特别假日');
});

test('the bundled source has a readable label in both languages; a notice number stays as is', () => {
  assert.doesNotMatch(calendarSourceLabel('chinese-days', 'en'), /[\u4e00-\u9fff]/);
  assert.match(calendarSourceLabel('chinese-days', 'zh'), /国务院/);
  assert.equal(calendarSourceLabel('国办发明电〔2026〕1号', 'en'), '国办发明电〔2026〕1号');
});
