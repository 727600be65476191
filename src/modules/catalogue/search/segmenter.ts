import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Jieba } from '@node-rs/jieba';

// The dictionary is read when the first text is segmented, not when this module loads, and only the
// dictionary: the package's own dict module also reads the keyword-extraction IDF table (6 MB) and
// keeps both files in memory for good. Jieba copies the words into its own structure, so the file's
// bytes can go once it is built. (A process that never searches, or the intake thread, holds none of it.)
const require = createRequire(import.meta.url);
let jieba: Jieba | undefined;
const instance = (): Jieba =>
  (jieba ??= Jieba.withDict(readFileSync(require.resolve('@node-rs/jieba/dict.txt'))));

/** Words that say nothing about the need: "我想…", "怎么办…", particles and punctuation. */
const STOP_WORDS = new Set([
  '我',
  '想',
  '要',
  '我想',
  '我要',
  '想要',
  '需要',
  '怎么',
  '怎样',
  '如何',
  '办',
  '办理',
  '去',
  '的',
  '了',
  '在',
  '哪里',
  '哪儿',
  '什么',
  '一个',
  '个',
  '吗',
  '呢',
  '吧',
  '请问',
  '和',
  '与',
  '及',
  '或',
  '可以',
  '能',
  '应该',
  '该',
  '给',
  '帮',
  '一下',
]);
const NOISE = /^[\s\p{P}\p{S}]+$/u;

/** English words that say nothing about the need (the English names and an English query). */
const ENGLISH_STOP_WORDS = new Set(
  'a an the of for and or to in on at by with from i want need how do does can could my me we our is are be get'.split(
    ' ',
  ),
);

/**
 * One form of an English word for British and American spelling and the plural, so that "food
 * licenses" finds "Food Business Licence": lower case, -ize as -ise, license as licence, center as
 * centre, and a plural -s or -ies taken off (not -ss: "business" stays).
 */
export function englishWord(w: string): string {
  let x = w
    .replace(/iz(e|es|ed|ing|ation|ations)$/, 'is$1')
    .replace(/^licens(e|es|ed|ing)$/, 'licenc$1')
    .replace(/^center(s?)$/, 'centre$1');
  if (x.length > 4 && x.endsWith('ies')) x = `${x.slice(0, -3)}y`;
  else if (x.length > 3 && x.endsWith('s') && !x.endsWith('ss') && !x.endsWith('us')) x = x.slice(0, -1);
  return x;
}
const LATIN = /^[a-z]+$/;

/** Search-mode segmentation: overlapping words, lower-cased, without stop words or punctuation. */
export function searchTokens(text: string): string[] {
  const out = new Set<string>();
  for (const raw of instance().cutForSearch(text.normalize('NFKC'), true)) {
    const t = raw.trim().toLowerCase();
    if (!t || NOISE.test(t) || STOP_WORDS.has(t)) continue;
    if (LATIN.test(t)) {
      if (!ENGLISH_STOP_WORDS.has(t)) out.add(englishWord(t));
      continue;
    }
    out.add(t);
  }
  return [...out];
}
