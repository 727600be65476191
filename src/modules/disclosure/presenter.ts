import { fromJson } from '../../shared/json.js';
import { localDate } from '../clock/local-time.js';
import type { DocumentRow, DocumentSummaryRow } from './repository.js';
import type { StatementFileRow, StatementRow, VillageRow } from './repository-villages.js';
import { standingOn, type DocumentStatus } from './standing.js';
import { periodOf } from './periods.js';
import type { Term } from './terms.js';
import type { LineT } from './schemas.js';

export function documentSummary(d: DocumentSummaryRow, today: string) {
  return {
    id: d.id,
    docNo: d.doc_no,
    title: d.title,
    issuer: d.issuer,
    issuedOn: d.issued_on,
    effectiveOn: d.effective_on,
    expiresOn: d.expires_on,
    status: d.status as DocumentStatus,
    standing: standingOn(d, today),
  };
}

export const docRef = (d: DocumentRow | undefined, today: string) =>
  d ? { id: d.id, docNo: d.doc_no, title: d.title, standing: standingOn(d, today) } : null;

export function villageSummary(
  v: VillageRow,
  terms: { now: Term; next: Term | null },
  departmentName: string | null,
  overdue: number,
  lastDisclosed: string | null,
) {
  return {
    id: v.id,
    code: v.code,
    name: v.name,
    township: v.township,
    departmentId: v.department_id,
    departmentName,
    cadence: terms.now.cadence,
    dueDays: terms.now.dueDays,
    discloseFrom: v.disclose_from,
    nextChange: terms.next
      ? { ...terms.next, fromPeriod: periodOf(terms.next.cadence, terms.next.startsOn) }
      : null,
    overdue,
    lastDisclosed,
    version: v.version,
  };
}

const lines = (json: string) =>
  fromJson<LineT[]>(json, []).map((l) => ({ name: l.name, amountFen: l.amountFen, note: l.note ?? null }));
const sum = (ls: { amountFen: number }[]) => ls.reduce((s, l) => s + l.amountFen, 0);

export function statementView(s: StatementRow, v: VillageRow, files: StatementFileRow[]) {
  const income = lines(s.income);
  const expenditure = lines(s.expenditure);
  const assets = lines(s.assets);
  return {
    id: s.id,
    villageId: v.id,
    villageName: v.name,
    township: v.township,
    period: s.period,
    periodStart: s.period_start,
    periodEnd: s.period_end,
    dueOn: s.due_on,
    onTime: localDate(new Date(s.published_at)) <= s.due_on,
    income,
    expenditure,
    assets,
    totals: { incomeFen: sum(income), expenditureFen: sum(expenditure), assetsFen: sum(assets) },
    majorMatters: fromJson<string[]>(s.major_matters, []),
    note: s.note,
    publishedAt: s.published_at,
    files: files.map((f) => ({ id: f.id, name: f.name, mime: f.mime, size: f.size, sha256: f.sha256 })),
  };
}
