import { sql } from 'kysely';
import type { Actor } from '../../../shared/actor.js';
import { authorize } from '../../../shared/policy.js';
import { AppError } from '../../../server/errors.js';
import { addCalendarDays } from '../../clock/calendar/calendar-day.js';
import { feePolicy } from '../policy.js';
import type { FeeRuntime } from '../runtime.js';
import type { Cell } from '../../../shared/spreadsheet/xlsx.js';

export interface ReportQuery {
  period: 'day' | 'month';
  date: string;
  departmentId?: string;
}

export interface ReportRow {
  departmentId: string;
  departmentName: string;
  feeCode: string | null;
  feeName: string;
  chargedFen: number;
  waivedFen: number;
  paidFen: number;
  refundedFen: number;
  remittedFen: number;
  overpaidFen: number;
  overpaidRefundedFen: number;
}

function lastDayOfMonth(ym: string): string {
  const [y, m] = [Number(ym.slice(0, 4)), Number(ym.slice(5, 7))];
  return addCalendarDays(m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`, -1);
}

/** The days a report covers: one day, or a calendar month (date YYYY-MM or any day in it). */
export function periodOf(q: ReportQuery): { from: string; to: string } {
  if (q.period === 'day') {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(q.date))
      throw new AppError('validation_failed', { summary: '/query/date' }, [
        {
          path: '/query/date',
          code: 'date',
          zh: '日报须给出日期 YYYY-MM-DD',
          en: 'A daily report needs YYYY-MM-DD',
        },
      ]);
    return { from: q.date, to: q.date };
  }
  const ym = q.date.slice(0, 7);
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(ym))
    throw new AppError('validation_failed', { summary: '/query/date' }, [
      {
        path: '/query/date',
        code: 'month',
        zh: '月报须给出月份 YYYY-MM',
        en: 'A monthly report needs YYYY-MM',
      },
    ]);
  return { from: `${ym}-01`, to: lastDayOfMonth(ym) };
}

/**
 * Daily and monthly fee reports by department and fee item, from the ledger: what was charged,
 * waived, paid, refunded and remitted in the period, and the overpayments received and returned.
 */
export async function feeReport(rt: FeeRuntime, actor: Actor, q: ReportQuery) {
  authorize(
    actor,
    feePolicy.readReports,
    q.departmentId ?? (actor.role === 'head' ? actor.departmentId : null),
    'fee.report',
  );
  const departmentId =
    q.departmentId ?? (actor.role === 'head' ? (actor.departmentId ?? undefined) : undefined);
  const { from, to } = periodOf(q);
  let query = rt.db
    .selectFrom('fee_ledger as g')
    .innerJoin('departments as d', 'd.id', 'g.department_id')
    .leftJoin('fee_entries as e', 'e.code', 'g.fee_code')
    .select([
      'g.department_id',
      'd.name as department_name',
      'd.sort_order',
      'g.fee_code',
      'e.name as fee_name',
    ])
    .select((eb) =>
      (['charged', 'waived', 'paid', 'refunded', 'remitted', 'excess', 'excess_refunded'] as const).map((b) =>
        sql<number>`coalesce(sum(${eb.ref(`g.${b}`)}), 0)`.as(b),
      ),
    )
    .where('g.day', '>=', from)
    .where('g.day', '<=', to);
  if (departmentId) query = query.where('g.department_id', '=', departmentId);
  const rows = await query
    .groupBy(['g.department_id', 'd.name', 'd.sort_order', 'g.fee_code', 'e.name'])
    .orderBy('d.sort_order')
    .orderBy('g.department_id')
    .orderBy('g.fee_code')
    .execute();
  const items: ReportRow[] = rows.map((r) => ({
    departmentId: r.department_id,
    departmentName: r.department_name,
    feeCode: r.fee_code,
    feeName: r.fee_code ? (r.fee_name ?? r.fee_code) : '多缴款项（待退）',
    chargedFen: Number(r.charged),
    waivedFen: Number(r.waived),
    paidFen: Number(r.paid),
    refundedFen: Number(r.refunded),
    remittedFen: Number(r.remitted),
    overpaidFen: Number(r.excess),
    overpaidRefundedFen: Number(r.excess_refunded),
  }));
  const keys = [
    'chargedFen',
    'waivedFen',
    'paidFen',
    'refundedFen',
    'remittedFen',
    'overpaidFen',
    'overpaidRefundedFen',
  ] as const;
  const totals = Object.fromEntries(keys.map((k) => [k, items.reduce((s, i) => s + i[k], 0)])) as Record<
    (typeof keys)[number],
    number
  >;
  return { period: q.period, from, to, departmentId: departmentId ?? null, items, totals };
}

export const REPORT_HEADER: Cell[] = [
  '部门',
  '收费项目编码',
  '收费项目',
  '应收（分）',
  '减免（分）',
  '实收（分）',
  '退费（分）',
  '上缴国库（分）',
  '多缴（分）',
  '多缴已退（分）',
];

export function reportTable(r: Awaited<ReturnType<typeof feeReport>>): Cell[][] {
  return [
    REPORT_HEADER,
    ...r.items.map((i) => [
      i.departmentName,
      i.feeCode ?? '',
      i.feeName,
      i.chargedFen,
      i.waivedFen,
      i.paidFen,
      i.refundedFen,
      i.remittedFen,
      i.overpaidFen,
      i.overpaidRefundedFen,
    ]),
    [
      '合计',
      '',
      `${r.from} 至 ${r.to}`,
      r.totals.chargedFen,
      r.totals.waivedFen,
      r.totals.paidFen,
      r.totals.refundedFen,
      r.totals.remittedFen,
      r.totals.overpaidFen,
      r.totals.overpaidRefundedFen,
    ],
  ];
}
