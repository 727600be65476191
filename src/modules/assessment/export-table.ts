import type { Actor } from '../../shared/actor.js';
import { getAssessment } from './get-assessment.js';
import { GRADE_ZH, type Grade } from './grading.js';
import { MEASURE_CODES, MEASURES } from './measures.js';
import type { AssessmentDeps } from './refresh-assessment.js';
import { xlsx, type Cell } from '../../shared/spreadsheet/xlsx.js';

type Lang = 'zh-CN' | 'en';
const GRADE_EN: Record<Grade, string> = { excellent: 'Excellent', good: 'Good', pass: 'Pass', fail: 'Fail' };

/** The period's table as rows of cells: one per department, one column per measure. */
export async function assessmentTable(deps: AssessmentDeps, actor: Actor, period: string, lang: Lang) {
  const a = await getAssessment(deps, actor, { period });
  const zh = lang === 'zh-CN';
  const header: Cell[] = [
    zh ? '部门' : 'Department',
    zh ? '排名' : 'Rank',
    zh ? '得分' : 'Score',
    zh ? '等级' : 'Grade',
    zh ? '办结件数' : 'Cases decided',
    zh ? '状态' : 'State',
    ...MEASURE_CODES.map((c) => `${zh ? MEASURES[c].zh : MEASURES[c].en} (${MEASURES[c].unit})`),
  ];
  const rows: Cell[][] = a.rows.map((r) => [
    r.departmentName,
    r.rank,
    r.score,
    r.grade ? (zh ? GRADE_ZH[r.grade] : GRADE_EN[r.grade]) : null,
    r.sample,
    r.state,
    ...MEASURE_CODES.map((c) => r.figures[c]?.value ?? null),
  ]);
  return { assessment: a, rows: [header, ...rows] };
}

const csvCell = (v: Cell) => {
  if (v === null) return '';
  const s = String(v);
  // A cell starting like a formula is quoted with a leading apostrophe, so a spreadsheet shows it as text.
  const safe = /^[=+\-@\t\r]/.test(s) && typeof v === 'string' ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/** The period's results per department as CSV (UTF-8 with BOM, for spreadsheets) or XLSX. */
export async function exportTable(
  deps: AssessmentDeps,
  actor: Actor,
  input: { period: string; format: 'csv' | 'xlsx'; lang?: Lang },
) {
  const { assessment, rows } = await assessmentTable(deps, actor, input.period, input.lang ?? 'zh-CN');
  const base = `assessment-${assessment.period.code}`;
  if (input.format === 'csv')
    return {
      name: `${base}.csv`,
      type: 'text/csv; charset=utf-8',
      data: Buffer.from(`\ufeff${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`, 'utf8'),
    };
  return {
    name: `${base}.xlsx`,
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    data: xlsx(assessment.period.code, rows),
  };
}
