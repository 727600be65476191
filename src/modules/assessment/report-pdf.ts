import PDFDocument from 'pdfkit';
import type { Actor } from '../../shared/actor.js';
import { authorize } from '../../shared/policy.js';
import { AppError } from '../../server/errors.js';
import { FONT, MARGIN, contentWidth, ensureSpace } from '../documents/pdf-layout.js';
import { useFonts } from '../documents/pdf-fonts.js';
import { COUNTERS, zeroTotals } from './counters.js';
import { computeRows, requirePeriod, schemeFor } from './get-assessment.js';
import { GRADE_ZH, type Grade } from './grading.js';
import { figureOf, MEASURE_CODES, MEASURES, type MeasureCode } from './measures.js';
import { parsePeriod } from './periods.js';
import { assessmentPolicy } from './policy.js';
import { sumAggregates } from './repository-report.js';
import type { AssessmentDeps } from './refresh-assessment.js';

type Lang = 'zh-CN' | 'en';
const GRADE_EN: Record<Grade, string> = { excellent: 'Excellent', good: 'Good', pass: 'Pass', fail: 'Fail' };
const INK = '#111111';
const DEPT = '#1677ff';
const CITY = '#bfbfbf';

/** The months of a period, as month periods. */
function monthsOf(start: string, end: string): string[] {
  const out: string[] = [];
  for (
    let y = Number(start.slice(0, 4)), m = Number(start.slice(5, 7));
    `${y}-${String(m).padStart(2, '0')}` <= end.slice(0, 7);
  ) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    if (++m > 12) [y, m] = [y + 1, 1];
  }
  return out;
}

/**
 * A department's report for a period (PDF, A4): its grade and rank, a bar chart of its percentage
 * measures beside the whole city's, its on-time rate month by month, every figure with its formula,
 * and its comment. Drawn with the documents module's fonts and layout.
 */
export async function departmentReportPdf(
  deps: AssessmentDeps,
  actor: Actor,
  input: { period: string; departmentId: string; lang: Lang },
) {
  authorize(actor, assessmentPolicy.trace, input.departmentId, 'assessment.trace');
  const period = requirePeriod(input.period);
  const scheme = await schemeFor(deps.db, period.code);
  const rows = await computeRows(deps.db, period, scheme);
  const mine = rows.find((r) => r.departmentId === input.departmentId);
  if (!mine)
    throw new AppError('resource_not_found', { resource: 'assessment_result', id: input.departmentId });
  const all = await sumAggregates(deps.db, 'department', period.start, period.end);
  const city = zeroTotals();
  const cityHist = new Map<number, number>();
  for (const g of all) {
    for (const c of COUNTERS) city[c] += g.totals[c];
    for (const [d, n] of g.hist) cityHist.set(d, (cityHist.get(d) ?? 0) + n);
  }
  const monthly = [];
  for (const m of monthsOf(period.start, period.end)) {
    const p = parsePeriod(m)!;
    const [g] = await sumAggregates(deps.db, 'department', p.start, p.end, input.departmentId);
    monthly.push({ month: m, f: figureOf('on_time_rate', g?.totals ?? zeroTotals(), g?.hist ?? new Map()) });
  }
  const zh = input.lang === 'zh-CN';
  const label = (c: MeasureCode) => (zh ? MEASURES[c].zh : MEASURES[c].en);

  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGIN,
    lang: input.lang,
    info: {
      Title: `${zh ? '效能考核报告' : 'Performance assessment'} ${mine.departmentName} ${period.code}`,
      Creator: 'OneWindow 一窗通',
      CreationDate: deps.clock.now(),
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
  const x0 = MARGIN.left;

  doc.font(FONT.bold).fontSize(20).fillColor(INK);
  doc.text(zh ? '效能考核报告' : 'Performance assessment report', x0, MARGIN.top, { width, align: 'center' });
  doc.moveDown(0.4).font(FONT.regular).fontSize(12);
  doc.text(`${mine.departmentName}\u3000${period.code}（${period.start} – ${period.end}）`, {
    width,
    align: 'center',
  });
  doc.moveDown(0.8);
  const grade = mine.grade
    ? zh
      ? GRADE_ZH[mine.grade]
      : GRADE_EN[mine.grade]
    : zh
      ? '样本不足'
      : 'not graded';
  doc.font(FONT.bold).fontSize(13);
  doc.text(
    zh
      ? `得分 ${mine.score ?? '—'}\u3000等级 ${grade}\u3000排名 ${mine.rank ?? '—'} / ${rows.length}\u3000办结 ${mine.sample} ` +
          `件\u3000${mine.state === 'final' ? '已定稿' : '未定稿'}`
      : `Score ${mine.score ?? '—'}  Grade ${grade}  Rank ${mine.rank ?? '—'} / ${rows.length}  Decided ${mine.sample}  ` +
          `${mine.state === 'final' ? 'final' : 'not final'}`,
    x0,
    doc.y,
    { width },
  );
  doc.moveDown(1);

  // Chart: each percentage measure, the department's bar above the city's.
  const pct = MEASURE_CODES.filter((c) => MEASURES[c].unit === '%');
  doc
    .font(FONT.bold)
    .fontSize(12)
    .text(zh ? '百分比指标：本部门与全市' : 'Percentage measures: department and city', x0, doc.y);
  doc.moveDown(0.4);
  const labelW = 150;
  const barW = width - labelW - 50;
  doc.font(FONT.regular).fontSize(9);
  for (const c of pct) {
    ensureSpace(doc, 22);
    const y = doc.y;
    const v = mine.figures[c].value;
    const cv = figureOf(c, city, cityHist).value;
    doc.fillColor(INK).text(label(c), x0, y + 2, { width: labelW - 6, lineBreak: false, ellipsis: true });
    doc.rect(x0 + labelW, y, (barW * (v ?? 0)) / 100, 8).fill(DEPT);
    doc.rect(x0 + labelW, y + 9, (barW * (cv ?? 0)) / 100, 6).fill(CITY);
    doc
      .fillColor(INK)
      .text(v === null ? '—' : `${v}%`, x0 + labelW + barW + 4, y + 2, { width: 46, lineBreak: false });
    doc.y = y + 20;
  }
  doc
    .fontSize(8)
    .fillColor('#555555')
    .text(zh ? '蓝：本部门；灰：全市' : 'blue: department; grey: city', x0, doc.y);
  doc.moveDown(1);

  // Chart: on-time rate by month, as columns.
  ensureSpace(doc, 150);
  doc
    .font(FONT.bold)
    .fontSize(12)
    .fillColor(INK)
    .text(zh ? '按月按时办结率' : 'On-time rate by month', x0, doc.y);
  const top = doc.y + 6;
  const h = 100;
  const colW = Math.min(36, width / Math.max(1, monthly.length));
  doc
    .moveTo(x0, top + h)
    .lineTo(x0 + width, top + h)
    .strokeColor('#8c8c8c')
    .stroke();
  doc.font(FONT.regular).fontSize(8);
  monthly.forEach((m, i) => {
    const v = m.f.value ?? 0;
    const x = x0 + i * colW + 4;
    if (m.f.value !== null) doc.rect(x, top + h - (h * v) / 100, colW - 8, (h * v) / 100).fill(DEPT);
    doc
      .fillColor(INK)
      .text(m.f.value === null ? '—' : String(m.f.value), x - 2, top + h - (h * v) / 100 - 10, {
        width: colW,
        lineBreak: false,
      });
    doc.text(m.month.slice(5), x, top + h + 3, { width: colW - 8, align: 'center', lineBreak: false });
  });
  doc.y = top + h + 20;
  doc.moveDown(1);

  // Every figure with its formula.
  doc
    .font(FONT.bold)
    .fontSize(12)
    .text(zh ? '全部指标' : 'Every measure', x0, doc.y);
  doc.moveDown(0.3);
  for (const c of MEASURE_CODES) {
    const f = mine.figures[c];
    const cv = figureOf(c, city, cityHist).value;
    ensureSpace(doc, 30);
    doc.font(FONT.bold).fontSize(10).fillColor(INK);
    doc.text(
      `${label(c)}：${f.value ?? '—'}${f.value === null ? '' : MEASURES[c].unit}（${zh ? '样本' : 'sample'} ${f.sample}；${zh ? '全市' : 'city'} ${cv ?? '—'}）`,
      x0,
      doc.y,
      { width },
    );
    doc
      .font(FONT.regular)
      .fontSize(8.5)
      .fillColor('#555555')
      .text(zh ? MEASURES[c].formulaZh : MEASURES[c].formulaEn, { width });
    doc.moveDown(0.3);
  }
  if (mine.comment) {
    ensureSpace(doc, 60);
    doc
      .moveDown(0.6)
      .font(FONT.bold)
      .fontSize(12)
      .fillColor(INK)
      .text(zh ? '部门意见' : "The department's comment", x0, doc.y);
    doc.font(FONT.regular).fontSize(10).text(mine.comment, { width });
  }
  doc.end();
  return { name: `assessment-${period.code}-${mine.departmentName}.pdf`, data: await done };
}
