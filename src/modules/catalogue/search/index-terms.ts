import { searchTokens } from './segmenter.js';

export interface IndexableItem {
  name: string;
  keywords: string[];
  lifeEvents: string[];
  resultName: string;
  departmentName: string;
  departmentShortName: string;
  /** the English names, when the catalogue gives them: found as the Chinese ones are */
  nameEn?: string | null;
  departmentNameEn?: string | null;
  departmentShortNameEn?: string | null;
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
  if (item.nameEn) addText(item.nameEn, W.wholeName, W.name);
  if (item.departmentShortNameEn) addText(item.departmentShortNameEn, W.department, W.department);
  if (item.departmentNameEn) for (const t of searchTokens(item.departmentNameEn)) add(t, W.department);
  return terms;
}
