// Flowing layout of a DocumentContent's body on pdfkit pages: headings, paragraphs, bordered
// two-column tables and numbered lists, breaking pages where needed.

import type { DocumentSection } from './document-types.js';

export const FONT = { regular: 'NotoSansSC-Regular', bold: 'NotoSansSC-Bold' } as const;
export const MARGIN = { top: 50, bottom: 52, left: 68, right: 68 } as const;
const BODY_SIZE = 12;
const TABLE_SIZE = 10.5;
const LINE_GAP = 3;
const INK = '#111111';
const RULE = '#8C8C8C';
const LABEL_FILL = '#F3F3F3';

export function contentWidth(doc: PDFKit.PDFDocument): number {
  return doc.page.width - MARGIN.left - MARGIN.right;
}

/** Bottom of the writable area of the current page. */
export function bottomLimit(doc: PDFKit.PDFDocument): number {
  return doc.page.height - MARGIN.bottom;
}

export function ensureSpace(doc: PDFKit.PDFDocument, height: number): void {
  if (doc.y + height > bottomLimit(doc)) doc.addPage();
}

export function drawSection(doc: PDFKit.PDFDocument, section: DocumentSection): void {
  const width = contentWidth(doc);
  if (section.heading) {
    doc.font(FONT.bold).fontSize(BODY_SIZE + 0.5);
    ensureSpace(doc, doc.currentLineHeight(true) * 3);
    doc.fillColor(INK).text(section.heading, MARGIN.left, doc.y + 4, { width });
    doc.moveDown(0.2);
  }
  doc.font(FONT.regular).fontSize(BODY_SIZE).fillColor(INK);
  for (const p of section.paragraphs ?? []) {
    doc.text(p, MARGIN.left, doc.y, { width, indent: BODY_SIZE * 2, lineGap: LINE_GAP, paragraphGap: 3 });
  }
  for (const item of section.list ?? []) {
    doc.text(item, MARGIN.left + BODY_SIZE * 2, doc.y, {
      width: width - BODY_SIZE * 2,
      lineGap: LINE_GAP,
      paragraphGap: 2,
    });
  }
  if (section.table) drawTable(doc, section.table);
  doc.x = MARGIN.left;
  doc.moveDown(0.3);
}

/** Height of a section made only of paragraphs, or undefined for anything else. */
export function paragraphsHeight(doc: PDFKit.PDFDocument, section: DocumentSection): number | undefined {
  if (section.heading || section.table || section.list || !section.paragraphs) return undefined;
  doc.font(FONT.regular).fontSize(BODY_SIZE);
  const options = { width: contentWidth(doc), indent: BODY_SIZE * 2, lineGap: LINE_GAP };
  return section.paragraphs.reduce((sum, p) => sum + doc.heightOfString(p, options) + 3, 0);
}

function drawTable(doc: PDFKit.PDFDocument, rows: { label: string; value: string }[]): void {
  const pad = 3;
  const x = MARGIN.left;
  const width = contentWidth(doc);
  const opts = { lineGap: 1.5 };
  doc.font(FONT.regular).fontSize(TABLE_SIZE);
  const widest = Math.max(...rows.map((r) => doc.widthOfString(r.label)));
  const labelWidth = Math.min(width * 0.42, Math.max(92, widest + 2 * pad + 1));
  const valueWidth = width - labelWidth;
  doc.moveDown(0.1);
  for (const row of rows) {
    const height =
      2 * pad +
      Math.max(
        doc.heightOfString(row.label, { ...opts, width: labelWidth - 2 * pad }),
        doc.heightOfString(row.value, { ...opts, width: valueWidth - 2 * pad }),
      );
    ensureSpace(doc, height);
    const y = doc.y;
    doc.lineWidth(0.6).strokeColor(RULE);
    doc.rect(x, y, labelWidth, height).fillAndStroke(LABEL_FILL, RULE);
    doc.rect(x + labelWidth, y, valueWidth, height).stroke();
    doc.fillColor(INK);
    doc.text(row.label, x + pad, y + pad, { ...opts, width: labelWidth - 2 * pad });
    doc.text(row.value, x + labelWidth + pad, y + pad, { ...opts, width: valueWidth - 2 * pad });
    doc.y = y + height;
  }
  doc.font(FONT.regular).fontSize(BODY_SIZE);
}
