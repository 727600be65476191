// Noto Sans SC (SIL Open Font License 1.1, see assets/fonts/OFL.txt), regular and bold: the TrueType
// files, Brotli-compressed (4.8 MB each instead of 10.5). They stay TrueType inside: fontkit cannot
// subset a WOFF2 font whose glyf table is transformed (a 45 KB notice grew to 64 MB). Each is read and
// decompressed once per process, with the PDF stack (~90 ms); pdfkit embeds only the glyphs a
// document uses. The path is relative to this module and holds both in src/ and in its mirror dist/.

import { readFileSync } from 'node:fs';
import { brotliDecompressSync } from 'node:zlib';

const FILES = {
  regular: 'NotoSansSC-Regular.ttf.br',
  bold: 'NotoSansSC-Bold.ttf.br',
} as const;

const DIR = new URL('../../../assets/fonts/', import.meta.url);

export type FontWeight = keyof typeof FILES;

const cache = new Map<FontWeight, Buffer>();

export function fontData(weight: FontWeight): Buffer {
  let data = cache.get(weight);
  if (!data) {
    data = brotliDecompressSync(readFileSync(new URL(FILES[weight], DIR)));
    cache.set(weight, data);
  }
  return data;
}
