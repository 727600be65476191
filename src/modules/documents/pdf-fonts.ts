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

/** What pdfkit keeps of a document's fonts (not in its typings): read and set only below. */
interface FontSlots {
  _font: { constructor: EmbeddedFontClass; font: unknown; name: string };
  _fontCount: number;
  _fontFamilies: Record<string, unknown>;
}
type EmbeddedFontClass = new (doc: unknown, font: unknown, id: string) => { name: string };

/** The parsed fonts (fontkit objects), kept for the life of the thread: parsing one takes 10–20 ms. */
const parsed = new Map<FontWeight, { Embedded: EmbeddedFontClass; font: unknown }>();

/**
 * Registers both weights on a new document under the given names, opened in a fixed order so a
 * document's bytes do not depend on whether this thread had parsed the fonts before. The first
 * document parses them; later ones get a fresh embedding (their own subset) of the same parsed font.
 */
export function useFonts(doc: PDFKit.PDFDocument, names: Record<FontWeight, string>): void {
  const slots = doc as unknown as FontSlots;
  // A document made without pdfkit's default font (render-pdf.ts) numbers its fonts from F2 as one
  // made with it does (Helvetica took F1, never used), so its bytes are the same.
  slots._fontCount = Math.max(slots._fontCount, 1);
  for (const weight of ['regular', 'bold'] as const) {
    const name = names[weight];
    doc.registerFont(name, fontData(weight));
    const known = parsed.get(weight);
    if (!known) {
      doc.font(name);
      parsed.set(weight, { Embedded: slots._font.constructor, font: slots._font.font });
      continue;
    }
    const embedded = new known.Embedded(doc, known.font, `F${++slots._fontCount}`);
    slots._fontFamilies[name] = embedded;
    slots._fontFamilies[embedded.name] = embedded;
    slots._font = embedded as unknown as FontSlots['_font'];
  }
}
