import { Type, type Static } from '@sinclair/typebox';
import { IsoDate, Nullable, NOT_BLANK, PageNumber, StringEnum, paged } from '../../shared/schema-helpers.js';
import { ALL_INDICATORS, CHANNELS } from './levels.js';
import { APPEAL_GROUNDS } from './file-appeal.js';

const Level = Type.Integer({ minimum: 1, maximum: 5, description: '5 非常满意 … 1 非常不满意' });
const Text = (max: number) => Type.String({ minLength: 1, maxLength: max, pattern: NOT_BLANK });
const Indicators = Type.Record(Type.String({ maxLength: 40 }), Type.Integer({ minimum: 1, maximum: 5 }), {
  description: `Scores 1–5 of the channel's national indicators: ${ALL_INDICATORS.join(', ')}`,
  maxProperties: 8,
});
/** A rating's own fields, whatever the channel (other modules' rating bodies spread them too). */
export const Rating = {
  level: Level,
  indicators: Type.Optional(Indicators),
  comment: Type.Optional(Type.String({ maxLength: 1000 })),
};

export const OnlineBody = Type.Object({
  receiptNo: Type.String({ minLength: 1, maxLength: 64 }),
  code: Type.Optional(Type.String({ maxLength: 64 })),
  ...Rating,
});
export const OnSiteBody = Type.Object({ ticketNo: Type.String({ minLength: 1, maxLength: 32 }), ...Rating });
export const PhoneBody = Type.Object({
  ref: Type.String({ minLength: 1, maxLength: 64, description: 'A receipt number or a ticket number' }),
  callerName: Type.Optional(Type.String({ maxLength: 100 })),
  callerPhone: Type.Optional(Type.String({ maxLength: 32, pattern: '^[0-9+\\-\\s]*$' })),
  ...Rating,
});
export const Recorded = Type.Object({ id: Type.String(), rectificationId: Nullable(Type.String()) });

export const VersionBody = Type.Object({ version: Type.Integer({ minimum: 1 }) });
export const AnswerBody = Type.Object({ version: Type.Integer({ minimum: 1 }), answer: Text(2000) });
export const RectifyBody = Type.Object({ version: Type.Integer({ minimum: 1 }), measures: Text(2000) });
export const CallbackBody = Type.Object({
  version: Type.Integer({ minimum: 1 }),
  reached: Type.Boolean(),
  result: Text(2000),
});
export const AppealBody = Type.Object({ grounds: StringEnum(APPEAL_GROUNDS), reason: Text(2000) });
export const DecisionBody = Type.Object({
  version: Type.Integer({ minimum: 1 }),
  exclude: Type.Boolean(),
  reason: Text(2000),
});

const Named = Type.Object({ id: Type.String(), name: Type.String() });
export const RatingView = Type.Object({
  id: Type.String(),
  channel: StringEnum(CHANNELS),
  level: Type.Integer(),
  indicators: Type.Record(Type.String(), Type.Integer()),
  comment: Nullable(Type.String()),
  department: Named,
  itemId: Nullable(Type.String()),
  window: Nullable(Type.String()),
  staffId: Nullable(Type.String()),
  state: StringEnum(['counted', 'excluded'] as const),
  exclusionReason: Nullable(Type.String()),
  ratedAt: Type.String(),
  realName: Type.Boolean(),
  /** Only for those who call raters back (and the rater); null for the rated department. */
  subjectRef: Nullable(Type.String()),
  rater: Nullable(Type.Object({ name: Nullable(Type.String()), phone: Nullable(Type.String()) })),
  version: Type.Integer(),
});
export type RatingViewT = Static<typeof RatingView>;

const Due = Type.Object({ dueDate: Type.String(), colour: Type.String(), status: Type.String() });
export const RectificationView = Type.Object({
  id: Type.String(),
  state: StringEnum(['open', 'acknowledged', 'answered', 'rectified', 'excluded'] as const),
  rating: RatingView,
  clocks: Type.Object({ acknowledge: Nullable(Due), answer: Nullable(Due), rectify: Nullable(Due) }),
  answer: Nullable(Type.String()),
  measures: Nullable(Type.String()),
  openedAt: Type.String(),
  callback: Type.Object({
    required: Type.Boolean(),
    done: Type.Boolean(),
    reached: Nullable(Type.Boolean()),
    at: Nullable(Type.String()),
    result: Nullable(Type.String()),
  }),
  version: Type.Integer(),
});
export type RectificationViewT = Static<typeof RectificationView>;

export const AppealView = Type.Object({
  id: Type.String(),
  rating: RatingView,
  grounds: StringEnum(APPEAL_GROUNDS),
  reason: Type.String(),
  state: StringEnum(['pending', 'upheld', 'rejected'] as const),
  decisionReason: Nullable(Type.String()),
  filedAt: Type.String(),
  decidedAt: Nullable(Type.String()),
  version: Type.Integer(),
});
export type AppealViewT = Static<typeof AppealView>;

const Page = { page: PageNumber, pageSize: Type.Integer({ minimum: 1, maximum: 200, default: 20 }) };
export const RatingQuery = Type.Object({
  department: Type.Optional(Type.String({ maxLength: 100 })),
  channel: Type.Optional(StringEnum(CHANNELS)),
  bad: Type.Optional(Type.Boolean()),
  ...Page,
});
export const RectificationQuery = Type.Object({
  department: Type.Optional(Type.String({ maxLength: 100 })),
  state: Type.Optional(StringEnum(['open', 'acknowledged', 'answered', 'rectified', 'excluded'] as const)),
  callbackPending: Type.Optional(Type.Boolean()),
  ...Page,
});
export const AppealQuery = Type.Object({
  state: Type.Optional(StringEnum(['pending', 'upheld', 'rejected'] as const)),
  ...Page,
});
export const RatingPage = paged(RatingView);
export const RectificationPage = paged(RectificationView);
export const AppealPage = paged(AppealView);

export const StatsQuery = Type.Object({
  by: StringEnum(['department', 'item', 'window'] as const, { default: 'department' }),
  from: Type.Optional(IsoDate()),
  to: Type.Optional(IsoDate()),
});
const Levels = Type.Object({
  5: Type.Integer(),
  4: Type.Integer(),
  3: Type.Integer(),
  2: Type.Integer(),
  1: Type.Integer(),
});
export const StatsView = Type.Object({
  by: StringEnum(['department', 'item', 'window'] as const),
  from: Nullable(Type.String()),
  to: Nullable(Type.String()),
  groups: Type.Array(
    Type.Object({
      key: Type.String(),
      name: Type.String(),
      departmentName: Nullable(Type.String()),
      counted: Type.Integer(),
      levels: Levels,
      satisfaction: Nullable(Type.Number()),
      excluded: Type.Integer(),
      bad: Type.Integer(),
      rectified: Type.Integer(),
      rectifying: Type.Integer(),
      overdue: Type.Integer(),
    }),
  ),
  exclusions: Type.Array(
    Type.Object({
      department: Type.String(),
      channel: StringEnum(CHANNELS),
      level: Type.Integer(),
      ratedAt: Type.String(),
      reason: Type.String(),
    }),
  ),
});
export type StatsViewT = Static<typeof StatsView>;

export const IndicatorInfo = Type.Object({
  levels: Type.Array(Type.Object({ level: Type.Integer(), zh: Type.String(), en: Type.String() })),
  sets: Type.Record(
    Type.String(),
    Type.Array(Type.Object({ code: Type.String(), zh: Type.String(), en: Type.String() })),
  ),
});
export const PendingOnSite = Type.Object({
  visit: Nullable(
    Type.Object({ ticketNo: Type.String(), window: Nullable(Type.String()), servedAt: Type.String() }),
  ),
});
