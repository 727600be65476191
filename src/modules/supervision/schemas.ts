import { Type, type Static } from '@sinclair/typebox';
import { Nullable, PageQuery, paged, StringEnum } from '../../shared/schema-helpers.js';
import { SIGNAL_KINDS, type SignalKind } from './signals.js';

const Colour = StringEnum(['green', 'yellow', 'red'] as const);
const SubjectType = Type.String({ maxLength: 40 });
const Department = Type.String({ maxLength: 100 });

// One clock view, the clock module's: the board, the lists and a case all show the same shape.
export { ClockView } from '../clock/schemas.js';
import { ClockView } from '../clock/schemas.js';

const Counts = {
  green: Type.Integer(),
  yellow: Type.Integer(),
  red: Type.Integer(),
  paused: Type.Integer(),
};
export const BoardQuery = Type.Object({ subjectType: Type.Optional(SubjectType) });
export const BoardView = Type.Object({
  departments: Type.Array(
    Type.Object({
      departmentId: Nullable(Type.String()),
      code: Nullable(Type.String()),
      name: Nullable(Type.String()),
      ...Counts,
    }),
  ),
  totals: Type.Object(Counts),
});
export type BoardViewT = Static<typeof BoardView>;

export const SubjectRefView = Type.Object(
  {
    kind: StringEnum(['case', 'inquiry', 'letter', 'complaint', 'other'] as const),
    reference: Nullable(Type.String()),
    title: Nullable(Type.String()),
    person: Nullable(Type.String()),
    departmentId: Nullable(Type.String()),
    link: Nullable(Type.String()),
  },
  {
    title: 'SubjectRef',
    description:
      'what a clock, signal or order is about: its number (受理编号 …), item, masked person, department, page',
  },
);
const Subject = { subject: Nullable(SubjectRefView) };
/** A clock as supervision lists it: the clock and the matter it times. */
export const SupervisedClockView = Type.Object(
  { ...ClockView.properties, ...Subject },
  { title: 'SupervisedClockView', description: 'a clock with the matter it times' },
);

export const ClockListQuery = Type.Object({
  colour: Type.Optional(Colour),
  status: Type.Optional(StringEnum(['running', 'paused', 'stopped'] as const)),
  department: Type.Optional(Department),
  subjectType: Type.Optional(SubjectType),
  ...PageQuery.properties,
});
export type ClockListQueryT = Static<typeof ClockListQuery>;
export const ClockPage = paged(SupervisedClockView);

export const SignalListQuery = Type.Object({
  kind: Type.Optional(StringEnum(Object.keys(SIGNAL_KINDS) as SignalKind[])),
  status: Type.Optional(StringEnum(['open', 'closed'] as const)),
  department: Type.Optional(Department),
  subjectType: Type.Optional(SubjectType),
  subjectId: Type.Optional(Type.String({ maxLength: 100 })),
  ...PageQuery.properties,
});
export type SignalListQueryT = Static<typeof SignalListQuery>;
export const SignalView = Type.Object(
  {
    id: Type.String(),
    kind: Type.String(),
    severity: Type.String(),
    title: Type.String(),
    titleEn: Type.String(),
    clockId: Nullable(Type.String()),
    subjectType: Type.String(),
    subjectId: Type.String(),
    departmentId: Nullable(Type.String()),
    raisedAt: Type.String(),
    status: Type.String(),
    data: Type.Record(Type.String(), Type.Unknown()),
    ...Subject,
  },
  { description: 'a supervision signal, titled in zh-CN and en' },
);
export const SignalPage = paged(SignalView);

export const OrderListQuery = Type.Object({
  status: Type.Optional(StringEnum(['open', 'answered', 'closed'] as const)),
  department: Type.Optional(Department),
  ...PageQuery.properties,
});
export type OrderListQueryT = Static<typeof OrderListQuery>;
export const OrderView = Type.Object(
  {
    id: Type.String(),
    clockId: Type.String(),
    label: Nullable(Type.String()),
    dueDate: Nullable(Type.String()),
    matterDone: Type.Boolean({ description: 'the supervised clock has stopped: closable before an answer' }),
    subjectType: Type.String(),
    subjectId: Type.String(),
    departmentId: Nullable(Type.String()),
    status: Type.String(),
    openedAt: Type.String(),
    answerClockId: Nullable(Type.String()),
    answerDueDate: Nullable(Type.String()),
    answerColour: Nullable(Type.String()),
    answer: Nullable(Type.String()),
    answeredAt: Nullable(Type.String()),
    answeredBy: Nullable(Type.String()),
    closedAt: Nullable(Type.String()),
    closeNote: Nullable(Type.String()),
    version: Type.Integer(),
    ...Subject,
  },
  { description: 'a supervision order (督办) with its clock and its answer clock' },
);
export const OrderPage = paged(OrderView);

const OrderVersion = { version: Type.Integer({ minimum: 1 }) };
export const AnswerOrderBody = Type.Object({
  ...OrderVersion,
  answer: Type.String({ minLength: 2, maxLength: 5000 }),
});
export const CloseOrderBody = Type.Object({
  ...OrderVersion,
  note: Type.String({ minLength: 2, maxLength: 2000 }),
});
export const OrderChanged = Type.Object({
  id: Type.String(),
  status: Type.String(),
  version: Type.Integer(),
});

export const SubjectParams = Type.Object({ type: SubjectType, id: Type.String({ maxLength: 100 }) });
export const SubjectClocks = Type.Object({ items: Type.Array(ClockView) });

export const ThresholdBody = Type.Object({
  scope: StringEnum(['department', 'item'] as const),
  scopeId: Type.String({ minLength: 1, maxLength: 100 }),
  yellowPct: Type.Integer({ minimum: 1, maximum: 99 }),
});
export type ThresholdBodyT = Static<typeof ThresholdBody>;
