import { calendarSourceLabel, holidayNameEn } from '../../../src/modules/clock/calendar/holiday-names';

/** A holiday's name as the calendar stores it (Chinese), in the page's language. */
export const holidayName = (name: string, lang: string): string =>
  lang === 'en' ? holidayNameEn(name) : name;

/** Where a year's calendar comes from, for people: the bundled data set by name, a notice number as is. */
export const calendarSource = (source: string, lang: string): string =>
  calendarSourceLabel(source, lang === 'en' ? 'en' : 'zh');
