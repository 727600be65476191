// DocumentContent → A4 PDF. Byte-for-byte reproducible: the dates come from issuedAt and the file
// /ID, which pdfkit derives from the info dictionary, is tied to a digest of the content.

import { createHash } from 'node:crypto';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { composeDocument } from './compose-document.js';
import type { DocumentContent, DocumentInput } from './document-types.js';
import { cnDateOfInstant } from './compose-helpers.js';
import { FONT, MARGIN, contentWidth, drawSection, ensureSpace, paragraphsHeight } from './pdf-layout.js';
import { useFonts } from './pdf-fonts.js';
import { contentDigest } from './content-digest.js';
import { SEAL_RADIUS, drawSeal } from './seal.js';

const QR_SIZE = 70;
const CLOSING_HEIGHT = Math.max(QR_SIZE + 22, 2 * SEAL_RADIUS + 8);
const GREY = '#555555';
/**
 * The QR code's PNG is only a carrier: pdfkit decodes its pixels (RGBA, so it splits off the alpha
 * channel) and compresses them itself, so the PDF's bytes depend on the pixels alone. Written
 * unfiltered at deflate level 1, the PNG costs half of pngjs's default (every row filter tried,
 * deflate level 9), its decoding included.
 */
const QR_PNG = { filterType: 0, deflateLevel: 1 } as QRCode.QRCodeToBufferOptions['rendererOpts'];

export async function renderPdf(content: DocumentContent): Promise<Buffer> {
  const issued = new Date(content.issuedAt);
  if (Number.isNaN(issued.getTime())) throw new Error('renderPdf: issuedAt is not a valid instant');
  const qr = await QRCode.toBuffer(content.trackingUrl, {
    type: 'png',
    errorCorrectionLevel: 'M',
    margin: 1,
    scale: 6,
    rendererOpts: QR_PNG,
  });
  const doc = new PDFDocument({
    // No default font: pdfkit would parse Helvetica's metrics for every document (a tenth of a
    // render) though no text uses it. useFonts keeps the font resource names as they were.
    font: null as unknown as string,
    size: 'A4',
    margins: MARGIN,
    bufferPages: true,
    lang: 'zh-CN',
    displayTitle: true,
    info: {
      Title: `${content.title}（${content.number}）`,
      Author: content.agencyName,
      Subject: content.title,
      Keywords: `content-sha256:${contentDigest(content)}`,
      Creator: 'OneWindow 一窗通',
      Producer: 'OneWindow 一窗通 (PDFKit)',
      CreationDate: issued,
      ModDate: issued,
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  useFonts(doc, FONT);

  drawHead(doc, content);
  content.sections.forEach((section, i) => {
    // GB/T 9704: the seal and date never stand alone on a page, so the closing words go with them.
    const last = i === content.sections.length - 1 ? paragraphsHeight(doc, section) : undefined;
    if (last !== undefined && last < 160) ensureSpace(doc, last + closingHeight(doc, content));
    drawSection(doc, section);
  });
  drawClosing(doc, content, qr);
  numberPages(doc, content);
  doc.end();
  return finished;
}

export async function renderDocument(
  input: DocumentInput,
): Promise<{ content: DocumentContent; pdf: Buffer; sha256: string }> {
  const content = composeDocument(input);
  const pdf = await renderPdf(content);
  return { content, pdf, sha256: createHash('sha256').update(pdf).digest('hex') };
}

function drawHead(doc: PDFKit.PDFDocument, content: DocumentContent): void {
  const width = contentWidth(doc);
  doc.font(FONT.bold).fontSize(22).fillColor('#000000');
  doc.text(content.title, MARGIN.left, MARGIN.top, { width, align: 'center', characterSpacing: 2 });
  doc.moveDown(0.3);
  doc.font(FONT.regular).fontSize(11).text(content.number, { width, align: 'right' });
  doc.moveDown(0.4);
  doc
    .moveTo(MARGIN.left, doc.y)
    .lineTo(MARGIN.left + width, doc.y)
    .lineWidth(1.2)
    .strokeColor('#C00000')
    .stroke();
  doc.moveDown(0.8);
  if (content.addressee)
    doc.fontSize(13).text(content.addressee, MARGIN.left, doc.y, { width }).moveDown(0.3);
}

/** QR code bottom-left; agency and date bottom-right over the seal; the footer kept on the same page. */
function drawClosing(doc: PDFKit.PDFDocument, content: DocumentContent, qr: Buffer): void {
  ensureSpace(doc, closingHeight(doc, content));
  const top = doc.y + 8;
  const right = MARGIN.left + contentWidth(doc);
  doc.image(qr, MARGIN.left, top, { width: QR_SIZE, height: QR_SIZE });
  doc.font(FONT.regular).fontSize(8.5).fillColor(GREY);
  doc.text(content.qrCaption ?? '扫码查询办理进度', MARGIN.left - 10, top + QR_SIZE + 2, {
    width: QR_SIZE + 20,
    align: 'center',
    lineBreak: false,
  });

  doc.font(FONT.regular).fontSize(13);
  const date = cnDateOfInstant(content.issuedAt);
  const dateWidth = doc.widthOfString(date);
  const dateX = right - 26 - dateWidth; // GB/T 9704: the date stands four half-width spaces from the right
  const nameWidth = doc.widthOfString(content.agencyName);
  const nameX = Math.min(dateX + dateWidth / 2 - nameWidth / 2, right - nameWidth);
  // The seal first, the words over it: black over red reads like a stamped paper.
  drawSeal(doc, dateX + dateWidth / 2, top + SEAL_RADIUS - 6, content.sealText, FONT.bold);
  doc.font(FONT.regular).fontSize(13).fillColor('#000000');
  doc.text(content.agencyName, nameX, top + 14, { lineBreak: false });
  doc.text(date, dateX, top + 37, { lineBreak: false });
  doc.x = MARGIN.left;
  doc.y = top + CLOSING_HEIGHT - 10;
  drawFooter(doc, content.footer);
}

function closingHeight(doc: PDFKit.PDFDocument, content: DocumentContent): number {
  doc.font(FONT.regular).fontSize(8.5);
  return (
    8 +
    CLOSING_HEIGHT +
    (content.footer.length === 0 ? 0 : 14 + content.footer.length * doc.currentLineHeight(true))
  );
}

function drawFooter(doc: PDFKit.PDFDocument, lines: string[]): void {
  if (lines.length === 0) return;
  const width = contentWidth(doc);
  doc
    .moveTo(MARGIN.left, doc.y + 6)
    .lineTo(MARGIN.left + width, doc.y + 6)
    .lineWidth(0.5)
    .strokeColor('#AAAAAA')
    .stroke();
  doc.y += 12;
  doc.font(FONT.regular).fontSize(8.5).fillColor(GREY);
  for (const line of lines) doc.text(line, MARGIN.left, doc.y, { width });
}

/** 第 1 页 共 2 页 at the foot of every page, and the number atop continuation pages. */
function numberPages(doc: PDFKit.PDFDocument, content: DocumentContent): void {
  const { start, count } = doc.bufferedPageRange();
  if (count < 2) return;
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    const width = contentWidth(doc);
    const savedBottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0; // writing inside the margin must not open a new page
    doc.font(FONT.regular).fontSize(9).fillColor(GREY);
    doc.text(`第 ${i - start + 1} 页\u3000共 ${count} 页`, MARGIN.left, doc.page.height - 32, {
      width,
      align: 'center',
      lineBreak: false,
    });
    if (i > start)
      doc.text(`${content.title}\u3000${content.number}`, MARGIN.left, MARGIN.top - 30, {
        width,
        align: 'right',
        lineBreak: false,
      });
    doc.page.margins.bottom = savedBottom;
  }
}

export { contentDigest };
