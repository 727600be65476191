import { searchTokens } from './segmenter.js';

export interface IndexableItem {
  name: string;
  keywords: string[];
  lifeEvents: string[];
  resultName: string;
  departmentName: string;
  departmentShortName: string;
}

/** Weights: the name says most, then what people call it, then what they get and why they come. */
const W = { wholeName: 30, name: 10, keyword: 8, resultName: 4, lifeEvent: 4, department: 2 };

/** The terms under which an item is found, each with its strongest weight. */
export function indexTerms(item: IndexableItem): Map<string, number> {
  const terms = new Map<string, number>();
  const add = (t: string, w: number) => {
    const k = t.trim().toLowerCase();
    if (k && (terms.get(k) ?? 0) < w) terms.set(k, w);
  };
  const addText = (text: string, whole: number, part: number) => {
    add(text, whole);
    for (const t of searchTokens(text)) add(t, part);
  };
  addText(item.name, W.wholeName, W.name);
  for (const k of item.keywords) addText(k, W.keyword, W.keyword);
  addText(item.resultName, W.resultName, W.resultName);
  for (const e of item.lifeEvents) addText(e, W.lifeEvent, W.lifeEvent);
  addText(item.departmentShortName, W.department, W.department);
  for (const t of searchTokens(item.departmentName)) add(t, W.department);
  return terms;
}
