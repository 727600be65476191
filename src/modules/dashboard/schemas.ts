import { Type } from '@sinclair/typebox';
import { Nullable } from '../../shared/schema-helpers.js';

const Period = Type.Object({
  start: Type.String({ format: 'date', description: 'first day, inclusive' }),
  end: Type.String({ format: 'date', description: 'last day, inclusive' }),
});

export const ItemActualsView = Type.Object({
  itemId: Type.String(),
  itemCode: Type.String(),
  itemName: Type.String(),
  itemNameEn: Nullable(Type.String({ description: 'the English name; null when the catalogue gives none' })),
  committedDays: Type.Integer(),
  statutoryDays: Type.Integer(),
  maxVisits: Type.Integer(),
  commitment: Type.String({ description: 'the published service commitment text' }),
  period: Period,
  asOf: Type.String({ format: 'date-time' }),
  minSample: Type.Integer({ description: 'below this many records a figure is marked as a small sample' }),
  cases: Type.Object({
    sample: Type.Integer({ description: 'cases of this item decided in the period' }),
    smallSample: Type.Boolean(),
    medianDays: Nullable(Type.Number()),
    p90Days: Nullable(Type.Number()),
    onTimeRate: Nullable(Type.Number({ description: 'percent' })),
  }),
  visits: Type.Object({
    sample: Type.Integer({ description: 'cases with a visit in the period' }),
    smallSample: Type.Boolean(),
    visits: Type.Integer(),
    perCase: Nullable(Type.Number()),
  }),
});

const Fig = Type.Object({
  value: Nullable(Type.Number()),
  sample: Type.Integer(),
  smallSample: Type.Boolean(),
});
const Figures = Type.Object({
  on_time_rate: Fig,
  avg_working_days: Fig,
  satisfaction: Fig,
  complaint_reply_rate: Fig,
  visits_per_case: Fig,
});
const Tally = Type.Object({ kept: Type.Integer(), notKept: Type.Integer(), pending: Type.Integer() });

export const DashboardView = Type.Object({
  asOf: Type.String({ format: 'date-time' }),
  period: Period,
  minSample: Type.Integer(),
  complaintsMinimum: Type.Integer({
    description: 'tickets a department needs before its reply figures are shown',
  }),
  inspectionYear: Type.Integer(),
  center: Type.Object({
    figures: Figures,
    commitments: Tally,
    complaintTickets: Type.Integer(),
    inspections: Type.Integer(),
  }),
  departments: Type.Array(
    Type.Object({
      id: Type.String(),
      code: Type.String(),
      name: Type.String(),
      nameEn: Nullable(Type.String({ description: 'the English name; null when the catalogue gives none' })),
      shortName: Type.String(),
      shortNameEn: Nullable(Type.String()),
      figures: Figures,
      commitments: Tally,
      complaints: Type.Object({
        tickets: Type.Integer(),
        shown: Type.Boolean(),
        onTimeReplyRate: Nullable(Type.Number()),
        resolutionRate: Nullable(Type.Number()),
      }),
      inspections: Type.Object({
        inspections: Type.Integer(),
        jointPct: Nullable(Type.Number()),
        findingsPct: Nullable(Type.Number()),
      }),
    }),
  ),
});

const Licence = Type.Object({ id: Type.String(), name: Type.String(), url: Type.String() });

export const OpenDataIndexView = Type.Object({
  licence: Licence,
  datasets: Type.Array(
    Type.Object({
      id: Type.String(),
      titleZh: Type.String(),
      titleEn: Type.String(),
      descriptionZh: Type.String(),
      descriptionEn: Type.String(),
      updatedAt: Nullable(Type.String({ format: 'date-time' })),
      records: Type.Integer(),
      licence: Licence,
      formats: Type.Array(Type.String()),
      urls: Type.Object({ csv: Type.String(), json: Type.String() }),
    }),
  ),
});

export const OpenDataFileParam = Type.Object({
  file: Type.String({ maxLength: 100, description: '{dataset}.csv or {dataset}.json' }),
});

export const OpenDataJsonView = Type.Object({
  dataset: Type.String(),
  title: Type.String(),
  titleEn: Type.String(),
  updatedAt: Nullable(Type.String()),
  licence: Licence,
  columns: Type.Array(Type.String()),
  records: Type.Array(Type.Record(Type.String(), Type.Union([Type.String(), Type.Number(), Type.Null()]))),
});
