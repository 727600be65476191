import PDFDocument from 'pdfkit';
import { FONT, MARGIN, contentWidth } from './pdf-layout.js';
import { useFonts } from './pdf-fonts.js';

export interface FormSheet {
  /** 食品经营许可申请书 */
  title: string;
  /** 空白表格 or 示范文本 */
  label: string;
  /** The form's fields, each with the value a sample shows (empty on a blank form). */
  fields: { label: string; value?: string }[];
  notes: string[];
  /** Fixes the PDF's dates, so the same sheet is the same bytes. */
  issuedAt: string;
}

/**
 * A one-page form a material names (空白表格) or its filled-in example (示范文本): a title, a ruled
 * table of fields and the notes for filling it in, in the documents' own fonts and margins.
 */
export async function renderFormSheet(sheet: FormSheet): Promise<Buffer> {
  const at = new Date(sheet.issuedAt);
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGIN,
    lang: 'zh-CN',
    displayTitle: true,
    info: {
      Title: `${sheet.title}（${sheet.label}）`,
      Creator: 'OneWindow 一窗通',
      Producer: 'OneWindow 一窗通 (PDFKit)',
      CreationDate: at,
      ModDate: at,
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  useFonts(doc, FONT);
  const width = contentWidth(doc);
  const left = MARGIN.left;
  doc.font(FONT.bold).fontSize(18).text(sheet.title, { width, align: 'center' });
  doc
    .font(FONT.regular)
    .fontSize(11)
    .fillColor('#555555')
    .text(`（${sheet.label}）`, { width, align: 'center' });
  doc.fillColor('#000000').moveDown(1);
  const labelWidth = 150;
  const rowHeight = 30;
  let y = doc.y;
  for (const f of sheet.fields) {
    doc
      .rect(left, y, labelWidth, rowHeight)
      .rect(left + labelWidth, y, width - labelWidth, rowHeight)
      .stroke();
    doc
      .font(FONT.bold)
      .fontSize(10.5)
      .text(f.label, left + 8, y + 9, { width: labelWidth - 16 });
    if (f.value)
      doc.font(FONT.regular).text(f.value, left + labelWidth + 8, y + 9, { width: width - labelWidth - 16 });
    y += rowHeight;
  }
  doc.x = left;
  doc.y = y + 16;
  doc.font(FONT.bold).fontSize(11).text('填写说明', { width });
  doc.font(FONT.regular).fontSize(10);
  sheet.notes.forEach((n, i) => doc.text(`${i + 1}. ${n}`, { width }));
  doc.end();
  return done;
}
