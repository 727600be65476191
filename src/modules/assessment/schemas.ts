import { Type, type Static } from '@sinclair/typebox';
import { Nullable, StringEnum, NOT_BLANK } from '../../shared/schema-helpers.js';
import { MEASURE_CODES } from './measures.js';
import { GRADES } from './grading.js';

const PERIOD = '^\\d{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$';
export const PeriodCode = Type.String({ pattern: PERIOD, description: '2026, 2026-Q4 or 2026-11' });
const Id = Type.String({ minLength: 1, maxLength: 100 });

export const Figure = Type.Object({ value: Nullable(Type.Number()), sample: Type.Integer() });
export const Figures = Type.Object(Object.fromEntries(MEASURE_CODES.map((c) => [c, Figure])));
const PeriodView = Type.Object({ code: Type.String(), start: Type.String(), end: Type.String() });
const Thresholds = Type.Object({
  excellent: Type.Number({ minimum: 0, maximum: 100 }),
  good: Type.Number({ minimum: 0, maximum: 100 }),
  pass: Type.Number({ minimum: 0, maximum: 100 }),
});
export const SchemeView = Type.Object({
  version: Type.Integer(),
  weights: Type.Record(Type.String(), Type.Number()),
  thresholds: Thresholds,
  minSample: Type.Integer(),
});
export const MeasureView = Type.Object({
  code: StringEnum(MEASURE_CODES),
  zh: Type.String(),
  en: Type.String(),
  unit: Type.String(),
  better: StringEnum(['higher', 'lower'] as const),
  formulaZh: Type.String(),
  formulaEn: Type.String(),
  sources: Type.Array(Type.String()),
  weightable: Type.Boolean(),
});

export const PeriodQuery = Type.Object({ period: Type.Optional(PeriodCode) });
export const AssessmentView = Type.Object({
  period: PeriodView,
  scheme: SchemeView,
  measures: Type.Array(MeasureView),
  rows: Type.Array(
    Type.Object({
      departmentId: Type.String(),
      departmentName: Type.String(),
      departmentNameEn: Nullable(
        Type.String({ description: 'the English name; null when the catalogue gives none' }),
      ),
      figures: Figures,
      sample: Type.Integer(),
      score: Nullable(Type.Number()),
      grade: Nullable(StringEnum(GRADES)),
      rank: Nullable(Type.Integer()),
      state: StringEnum(['open', 'commented', 'final'] as const),
      comment: Nullable(Type.String()),
      commentedAt: Nullable(Type.String()),
      finalisedAt: Nullable(Type.String()),
      version: Type.Integer(),
    }),
  ),
});

const BreakdownDim = StringEnum(['item', 'staff', 'window'] as const, {
  description: 'trace only the records of one item, staff member or window of the department (with dimId)',
});
export const TraceQuery = Type.Object({
  period: PeriodCode,
  departmentId: Id,
  measure: StringEnum(MEASURE_CODES),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
  dim: Type.Optional(BreakdownDim),
  dimId: Type.Optional(
    Type.String({ minLength: 1, maxLength: 100, description: 'the item, staff member or window (with dim)' }),
  ),
});
export const TraceView = Type.Object({
  period: PeriodView,
  measure: StringEnum(MEASURE_CODES),
  departmentId: Type.String(),
  dim: Nullable(Type.String()),
  dimId: Nullable(Type.String()),
  figure: Figure,
  counter: Type.String(),
  lowered: Type.Boolean(),
  total: Type.Integer(),
  records: Type.Array(
    Type.Object({
      source: Type.String(),
      sourceId: Type.String(),
      subject: Type.String(),
      label: Type.String(),
      link: Nullable(Type.String()),
      day: Type.String(),
      amount: Type.Number(),
      daysUsed: Nullable(Type.Integer()),
    }),
  ),
});

export const BreakdownQuery = Type.Object({
  period: PeriodCode,
  departmentId: Id,
  by: StringEnum(['item', 'staff', 'window'] as const),
});
export const BreakdownView = Type.Object({
  period: PeriodView,
  by: Type.String(),
  departmentId: Type.String(),
  departmentName: Type.String(),
  departmentNameEn: Nullable(Type.String()),
  /** Below this many decided cases a figure is too small a sample to grade (the period's scheme). */
  minSample: Type.Integer(),
  measures: Type.Array(MeasureView),
  rows: Type.Array(
    Type.Object({
      id: Type.String({ description: "the id to trace by (a window's code)" }),
      name: Type.String({
        description: "the item's name, the staff member's display name, the window's code and name",
      }),
      nameEn: Nullable(
        Type.String({
          description:
            "an item's English name, a window's code and English name; null for staff and when there is none",
        }),
      ),
      sample: Type.Integer({ description: 'decided cases' }),
      figures: Figures,
    }),
  ),
});

export const SchemeBody = Type.Object(
  {
    period: PeriodCode,
    weights: Type.Record(Type.String(), Type.Number({ minimum: 0, maximum: 1000 })),
    thresholds: Thresholds,
    minSample: Type.Integer({ minimum: 0, maximum: 100000 }),
  },
  { additionalProperties: false },
);
export type SchemeBodyT = Static<typeof SchemeBody>;
export const SchemeList = Type.Array(Type.Intersect([SchemeView, Type.Object({ createdAt: Type.String() })]));

export const DepartmentParam = Type.Object({ departmentId: Id });
export const CommentBody = Type.Object(
  { period: PeriodCode, comment: Type.String({ minLength: 1, maxLength: 4000, pattern: NOT_BLANK }) },
  { additionalProperties: false },
);
export const FinaliseBody = Type.Object({ period: PeriodCode }, { additionalProperties: false });
export const ResultChange = Type.Object({
  state: Type.String(),
  version: Type.Integer(),
  grade: Type.Optional(Nullable(StringEnum(GRADES))),
  score: Type.Optional(Nullable(Type.Number())),
});
export const ExportQuery = Type.Object({
  period: Type.Optional(PeriodCode),
  format: StringEnum(['csv', 'xlsx'] as const),
  lang: Type.Optional(StringEnum(['zh-CN', 'en'] as const)),
});
export const PdfQuery = Type.Object({
  period: Type.Optional(PeriodCode),
  lang: Type.Optional(StringEnum(['zh-CN', 'en'] as const)),
});
