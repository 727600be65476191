import { localDate } from '../clock/local-time.js';
import { WEIGHTABLE } from './grading.js';
import { MEASURE_CODES, MEASURES, type MeasureDef } from './measures.js';

/** The definitions of every measure, as the pages and exports show them. */
export const measureViews = () =>
  MEASURE_CODES.map((code) => {
    const m: MeasureDef = MEASURES[code];
    return {
      code,
      zh: m.zh,
      en: m.en,
      unit: m.unit,
      better: m.better,
      formulaZh: m.formulaZh,
      formulaEn: m.formulaEn,
      sources: m.source,
      weightable: WEIGHTABLE.includes(code),
    };
  });

/** The period shown when none is asked for: the current year. */
export const defaultPeriod = (now: Date) => localDate(now).slice(0, 4);
