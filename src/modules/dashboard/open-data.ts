import { AppError } from '../../server/errors.js';
import { listFees } from '../catalogue/list-fees.js';
import { listItems } from '../catalogue/list-items.js';
import { csv, type Cell } from '../../shared/spreadsheet/xlsx.js';
import { getDashboard, DASHBOARD_MEASURES } from './dashboard-figures.js';
import type { DashboardDeps } from './dashboard-deps.js';
import { catalogueUpdatedAt, feesUpdatedAt } from './repository.js';

export const OPEN_DATA_LICENCE = {
  id: 'CC-BY-4.0',
  name: '知识共享署名 4.0 / Creative Commons Attribution 4.0',
  url: 'https://creativecommons.org/licenses/by/4.0/',
};

/** A dataset as a table: its columns and rows, and when its data last changed. */
interface Table {
  updatedAt: string | null;
  columns: string[];
  rows: Cell[][];
}

interface Dataset {
  titleZh: string;
  titleEn: string;
  descriptionZh: string;
  descriptionEn: string;
  table: (deps: DashboardDeps) => Promise<Table>;
}

const iso = (v: string | Date | null | undefined) => (v instanceof Date ? v.toISOString() : (v ?? null));

async function serviceCatalogue(deps: DashboardDeps): Promise<Table> {
  const rows: Cell[][] = [];
  for (let offset = 0; ; offset += 200) {
    const page = await listItems(deps.db, { limit: 200, offset });
    for (const i of page.items)
      rows.push([
        i.code,
        i.name,
        i.type,
        i.handlingClass,
        i.department?.code ?? null,
        i.department?.name ?? null,
        i.statutoryDays,
        i.committedDays,
        i.maxVisits,
        i.channels.join(';'),
        i.charged ? 1 : 0,
        i.versionNo,
        i.nameEn,
        i.department?.nameEn ?? null,
      ]);
    if (page.items.length < 200) break;
  }
  return {
    updatedAt: iso((await catalogueUpdatedAt(deps.db))?.at),
    columns: [
      'code',
      'name',
      'type',
      'handling_class',
      'department_code',
      'department_name',
      'statutory_days',
      'committed_days',
      'max_visits',
      'channels',
      'charged',
      'version_no',
      'name_en',
      'department_name_en',
    ],
    rows,
  };
}

async function feeCatalogue(deps: DashboardDeps): Promise<Table> {
  const { items } = await listFees(deps.db, {});
  return {
    updatedAt: iso((await feesUpdatedAt(deps.db))?.at),
    columns: [
      'code',
      'name',
      'category',
      'department_code',
      'department_name',
      'basis',
      'standard',
      'management',
      'fixed_amount_fen',
      'department_name_en',
    ],
    rows: items.map((f) => [
      f.code,
      f.name,
      f.category,
      f.department?.code ?? null,
      f.department?.name ?? null,
      f.basis,
      f.standard,
      f.management,
      f.fixedAmountFen,
      f.department?.nameEn ?? null,
    ]),
  };
}

async function dashboardFigures(deps: DashboardDeps): Promise<Table> {
  const d = await getDashboard(deps);
  const measureColumns = DASHBOARD_MEASURES.flatMap((m) => [m, `${m}_sample`, `${m}_small_sample`]);
  const row = (
    code: string,
    name: string,
    nameEn: string | null,
    figures: (typeof d.center)['figures'],
    c: { kept: number; notKept: number; pending: number },
    tickets: number,
    inspections: number,
  ): Cell[] => [
    code,
    name,
    d.period.start,
    d.period.end,
    d.asOf,
    ...DASHBOARD_MEASURES.flatMap((m) => [
      figures[m].value,
      figures[m].sample,
      figures[m].smallSample ? 1 : 0,
    ]),
    c.kept,
    c.notKept,
    c.pending,
    tickets,
    inspections,
    nameEn,
  ];
  return {
    updatedAt: d.asOf,
    columns: [
      'department_code',
      'department_name',
      'period_start',
      'period_end',
      'as_of',
      ...measureColumns,
      'commitments_kept',
      'commitments_not_kept',
      'commitments_pending',
      'complaint_tickets',
      `inspections_${d.inspectionYear}`,
      'department_name_en',
    ],
    rows: [
      row(
        '',
        '全中心 / whole center',
        'Whole center',
        d.center.figures,
        d.center.commitments,
        d.center.complaintTickets,
        d.center.inspections,
      ),
      ...d.departments.map((x) =>
        row(
          x.code,
          x.name,
          x.nameEn,
          x.figures,
          x.commitments,
          x.complaints.tickets,
          x.inspections.inspections,
        ),
      ),
    ],
  };
}

export const DATASETS: Record<string, Dataset> = {
  'service-catalogue': {
    titleZh: '政务服务事项目录',
    titleEn: 'Service catalogue',
    descriptionZh:
      '已公布的全部政务服务事项：编码、名称、类型、办件类型、实施部门、法定与承诺时限、最多跑动次数、办理渠道、是否收费。',
    descriptionEn:
      'Every published service item: code, name, type, handling class, department, statutory and committed limits, maximum visits, channels, whether charged.',
    table: serviceCatalogue,
  },
  'fee-catalogue': {
    titleZh: '收费目录清单',
    titleEn: 'Fee catalogue',
    descriptionZh: '现行收费项目：编码、名称、类别、收费部门、政策依据、收费标准、管理方式、固定金额（分）。',
    descriptionEn:
      'The fees in force: code, name, category, collecting department, policy basis, standard, management, fixed amount in fen.',
    table: feeCatalogue,
  },
  'dashboard-figures': {
    titleZh: '服务效能数据（近12个月）',
    titleEn: 'Service performance figures (last 12 months)',
    descriptionZh:
      '各部门及全中心近12个月的按时办结率、平均办理工作日、满意率、投诉答复率、平均跑动次数及样本量（小样本标注），部门承诺兑现情况、投诉件数和本年度涉企检查次数。',
    descriptionEn:
      'Per department and for the whole center over the last 12 months: on-time rate, average working days, satisfaction, complaint reply ' +
      'rate, visits per case with their samples (small samples flagged), commitments kept, complaint tickets and this year’s inspections.',
    table: dashboardFigures,
  },
};

/** The open datasets with their update time, licence and download links. */
export async function listOpenData(deps: DashboardDeps) {
  const datasets = [];
  for (const [id, ds] of Object.entries(DATASETS)) {
    const t = await deps.cache.get(`open-data:${id}`, () => ds.table(deps));
    datasets.push({
      id,
      titleZh: ds.titleZh,
      titleEn: ds.titleEn,
      descriptionZh: ds.descriptionZh,
      descriptionEn: ds.descriptionEn,
      updatedAt: t.updatedAt,
      records: t.rows.length,
      licence: OPEN_DATA_LICENCE,
      formats: ['csv', 'json'],
      urls: { csv: `/api/v1/public/open-data/${id}.csv`, json: `/api/v1/public/open-data/${id}.json` },
    });
  }
  return { licence: OPEN_DATA_LICENCE, datasets };
}

/** One dataset as a file: "{id}.csv" (UTF-8 with BOM) or "{id}.json". */
export async function getOpenDataFile(deps: DashboardDeps, file: string) {
  const m = /^([a-z-]+)\.(csv|json)$/.exec(file);
  const ds = m ? DATASETS[m[1]!] : undefined;
  if (!m || !ds)
    throw new AppError('open_data_not_found', { file, datasets: Object.keys(DATASETS).join(', ') });
  const id = m[1]!;
  const t = await deps.cache.get(`open-data:${id}`, () => ds.table(deps));
  if (m[2] === 'csv') return { format: 'csv' as const, name: file, body: csv([t.columns, ...t.rows]) };
  return {
    format: 'json' as const,
    name: file,
    body: {
      dataset: id,
      title: ds.titleZh,
      titleEn: ds.titleEn,
      updatedAt: t.updatedAt,
      licence: OPEN_DATA_LICENCE,
      columns: t.columns,
      records: t.rows.map((r) => Object.fromEntries(t.columns.map((c, i) => [c, r[i] ?? null]))),
    },
  };
}
