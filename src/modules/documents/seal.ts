// A recognisable 公章 mark drawn as vectors: red ring, five-pointed star, the agency's name along the
// upper arc and a line saying it is an electronic mark. It is not a legally valid electronic seal
// (that needs a signature under the Electronic Signature Law); the PDF's stored hash is what proves
// the document.

export const SEAL_RED = '#D7261E';
export const SEAL_RADIUS = 42;
const SEAL_LABEL = '电子印章标识';

export function drawSeal(doc: PDFKit.PDFDocument, cx: number, cy: number, name: string, font: string): void {
  doc.save();
  doc.fillColor(SEAL_RED).strokeColor(SEAL_RED).fillOpacity(0.88).strokeOpacity(0.88);
  doc.lineWidth(2.6).circle(cx, cy, SEAL_RADIUS).stroke();
  doc
    .lineWidth(0.6)
    .circle(cx, cy, SEAL_RADIUS - 3.2)
    .stroke();
  starPath(doc, cx, cy, 14).fill();
  drawArcText(doc, cx, cy, [...name], font);
  doc.font(font).fontSize(6.5);
  const w = doc.widthOfString(SEAL_LABEL);
  doc.text(SEAL_LABEL, cx - w / 2, cy + SEAL_RADIUS * 0.72, { lineBreak: false, baseline: 'alphabetic' });
  doc.restore();
}

function starPath(doc: PDFKit.PDFDocument, cx: number, cy: number, r: number): PDFKit.PDFDocument {
  const inner = r * 0.382;
  for (let k = 0; k < 10; k++) {
    const a = ((-90 + k * 36) * Math.PI) / 180;
    const rr = k % 2 === 0 ? r : inner;
    const [x, y] = [cx + rr * Math.cos(a), cy + rr * Math.sin(a)];
    if (k === 0) doc.moveTo(x, y);
    else doc.lineTo(x, y);
  }
  return doc.closePath();
}

/** Characters centred on an arc over the top, each turned so its top points outward. */
function drawArcText(doc: PDFKit.PDFDocument, cx: number, cy: number, chars: string[], font: string): void {
  const n = chars.length;
  if (n === 0) return;
  const maxSpan = (250 * Math.PI) / 180;
  let size = 11;
  let radius = 0;
  for (; size > 5; size -= 0.25) {
    radius = SEAL_RADIUS - 5 - size * 0.55;
    if (n * size * 1.08 <= maxSpan * radius) break;
  }
  const step = n > 1 ? Math.min((size * 1.12) / radius, maxSpan / (n - 1)) : 0;
  doc.font(font).fontSize(size);
  chars.forEach((ch, i) => {
    const a = -Math.PI / 2 + (i - (n - 1) / 2) * step;
    const x = cx + radius * Math.cos(a);
    const y = cy + radius * Math.sin(a);
    doc.save();
    doc.rotate((a * 180) / Math.PI + 90, { origin: [x, y] });
    // CJK glyphs sit about 0.38 em above the baseline at their centre.
    doc.text(ch, x - doc.widthOfString(ch) / 2, y + size * 0.38, {
      lineBreak: false,
      baseline: 'alphabetic',
    });
    doc.restore();
  });
}
