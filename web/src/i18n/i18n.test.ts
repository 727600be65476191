import { describe, expect, it } from 'vitest';
import zh from './zh-CN.json';
import en from './en.json';
import { ENUMS, LIFE_EVENTS } from '../domain/enums';

type Tree = { [k: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    if (typeof v === 'string') out.set(prefix + k, v);
    else for (const [kk, vv] of flatten(v, `${prefix}${k}.`)) out.set(kk, vv);
  }
  return out;
}

const zhKeys = flatten(zh as Tree);
const enKeys = flatten(en as Tree);
const has = (m: Map<string, string>, key: string) =>
  m.has(key) || (m.has(`${key}_one`) && m.has(`${key}_other`));
const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((x) => x[1]).sort();

// Every source file, as text, to find the keys the code uses.
const sources = import.meta.glob(['../**/*.{ts,tsx}', '!../**/*.test.{ts,tsx}'], {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;

describe('translations', () => {
  it('zh-CN and en have exactly the same keys', () => {
    expect([...zhKeys.keys()].filter((k) => !enKeys.has(k))).toEqual([]);
    expect([...enKeys.keys()].filter((k) => !zhKeys.has(k))).toEqual([]);
  });

  it('no text is empty and both languages use the same placeholders', () => {
    for (const [k, v] of zhKeys) {
      expect(v.trim(), `zh ${k}`).not.toBe('');
      expect(enKeys.get(k)!.trim(), `en ${k}`).not.toBe('');
      expect(placeholders(enKeys.get(k)!), k).toEqual(placeholders(v));
    }
  });

  it('the English text is English (no Chinese left untranslated, except quoted examples)', () => {
    const allowed =
      /lifeEvent\.|placeholder|sourceHelp|rangesHelp|synonyms\.subtitle|guide\.deferrable|lang\.switchTo/;
    const untranslated = [...enKeys]
      .filter(([k, v]) => /[\u4e00-\u9fff]/.test(v) && !allowed.test(k))
      .map(([k]) => k);
    expect(untranslated).toEqual([]);
  });

  it('Chinese stays in the English text only as a glossed term or an example', () => {
    // A term people will meet on forms and at the window may follow its English in parentheses
    // ("May follow later (容缺)"), and an example may be given after "e.g."; nothing else is left in
    // Chinese. The only exception is the switch to Chinese, which is written in Chinese.
    const spoken = (v: string) => v.replace(/\([^()]*\)|（[^（）]*）/g, ' ').replace(/e\.g\.[^.;]*/g, ' ');
    const cjk = /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/;
    const offenders = [...enKeys]
      .filter(([k]) => k !== 'lang.switchTo')
      .filter(([, v]) => cjk.test(spoken(v)) || (cjk.test(v) && !/[A-Za-z]/.test(v)))
      .map(([k, v]) => `${k}: ${v}`);
    expect(offenders).toEqual([]);
    expect(enKeys.get('lang.switchTo')).toBe('切换到中文');
  });

  it('every key the code uses exists in both languages', () => {
    expect(Object.keys(sources).length).toBeGreaterThan(40);
    const used = new Set<string>();
    for (const text of Object.values(sources))
      for (const m of text.matchAll(/\bt\(\s*'([a-zA-Z][\w.]*)'/g)) used.add(m[1]!);
    expect(used.size).toBeGreaterThan(300);
    const missing = [...used].filter((k) => !has(zhKeys, k) || !has(enKeys, k));
    expect(missing).toEqual([]);
  });

  it('every API enumeration value and life event has a label in both languages', () => {
    for (const [name, values] of Object.entries(ENUMS)) {
      for (const v of values) {
        expect(zhKeys.has(`enum.${name}.${v}`), `zh enum.${name}.${v}`).toBe(true);
        expect(enKeys.has(`enum.${name}.${v}`), `en enum.${name}.${v}`).toBe(true);
      }
    }
    for (const e of LIFE_EVENTS) expect(enKeys.has(`lifeEvent.${e}`), e).toBe(true);
  });

  it('keys built at run time have every variant', () => {
    const families: Record<string, string[]> = {
      'guide.section': [
        'facts',
        'materials',
        'conditions',
        'procedure',
        'fees',
        'where',
        'responsibility',
        'basis',
      ],
      'guide.handlingExplain': [...ENUMS.handlingClass],
      'home.stat': [
        'departments',
        'licensingItems',
        'feeAndConvenienceItems',
        'instantItems',
        'publishedFees',
      ],
      'board.series': ['red', 'yellow', 'green', 'paused'],
      adminCalendar: ['added', 'removed', 'changed'],
    };
    for (const [prefix, names] of Object.entries(families)) {
      for (const n of names)
        expect(zhKeys.has(`${prefix}.${n}`) && enKeys.has(`${prefix}.${n}`), `${prefix}.${n}`).toBe(true);
    }
  });
});
