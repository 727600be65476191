import { Type, type Static, type TInteger } from '@sinclair/typebox';
import { Nullable, StringEnum } from '../../shared/schema-helpers.js';
import { COMPLAINT_STATES } from './complaint-machine.js';

/** What the reporting center's routes answer with; the presenter fills them, masked per viewer. */

export const ComplaintState = StringEnum(COMPLAINT_STATES);

export const DuplicateView = Type.Object({
  id: Type.String(),
  ticketNo: Type.String(),
  state: Type.String(),
  score: Type.Number(),
  near: Type.Boolean(),
});

export const SubmittedView = Type.Object({
  id: Type.String(),
  ticketNo: Type.String(),
  checkCode: Type.String({ description: 'shown once: with the ticket number it tracks the report' }),
  state: ComplaintState,
  acceptanceDueDate: Nullable(
    Type.String({ description: 'real-name reports: told by then whether accepted' }),
  ),
  possibleDuplicates: Type.Array(DuplicateView),
});

export const StepResult = Type.Object({ id: Type.String(), state: ComplaintState, version: Type.Integer() });

const Reporter = Type.Object(
  {
    anonymous: Type.Boolean(),
    masked: Type.Boolean({ description: 'true when this viewer may not see who reported' }),
    name: Nullable(Type.String()),
    phone: Nullable(Type.String()),
    email: Nullable(Type.String()),
  },
  { description: 'the identity only for the reporting center, the supervisors and the reporter' },
);
const ClockBrief = Type.Object({
  label: Type.String(),
  status: Type.String(),
  dueDate: Type.String(),
  colour: Type.String(),
});

export const HistoryView = Type.Object({
  seq: Type.Integer(),
  at: Type.String(),
  kind: Type.String(),
  actorRole: Nullable(Type.String()),
  data: Type.Record(Type.String(), Type.Unknown()),
  hash: Type.String(),
});

export const ComplaintView = Type.Object({
  id: Type.String(),
  ticketNo: Type.String(),
  version: Type.Integer(),
  state: ComplaintState,
  channel: Type.String(),
  category: Type.Object({ code: Type.String(), zh: Type.String(), en: Type.String() }),
  urgent: Type.Boolean(),
  route: StringEnum(['department', 'supervisors'] as const),
  department: Type.Object({ id: Type.String(), name: Type.String() }),
  assignedDepartment: Nullable(Type.Object({ id: Type.String(), name: Type.String() })),
  aboutLeadership: Type.Boolean(),
  concerns: Type.Object({
    caseReceiptNo: Nullable(Type.String()),
    feeReference: Nullable(Type.String()),
    inspectionReference: Nullable(Type.String()),
    staffNamed: Nullable(Type.String()),
  }),
  description: Type.String(),
  location: Nullable(
    Type.Object({
      text: Nullable(Type.String()),
      lat: Nullable(Type.Number()),
      lng: Nullable(Type.Number()),
    }),
  ),
  reporter: Reporter,
  reply: Nullable(Type.String()),
  refusalReasons: Nullable(Type.Array(Type.String())),
  callbackNote: Nullable(Type.String()),
  rating: Nullable(Type.Integer()),
  returnCount: Type.Integer(),
  reopenCount: Type.Integer(),
  mergedIntoTicketNo: Nullable(Type.String()),
  attachments: Type.Array(
    Type.Object({ id: Type.String(), name: Type.String(), mime: Type.String(), size: Type.Integer() }),
  ),
  clocks: Type.Array(ClockBrief),
  allowedActions: Type.Array(Type.String()),
  history: Type.Array(HistoryView),
  createdAt: Type.String(),
  closedAt: Nullable(Type.String()),
});
export type ComplaintViewT = Static<typeof ComplaintView>;

export const QueueRow = Type.Object({
  id: Type.String(),
  ticketNo: Type.String(),
  state: ComplaintState,
  category: Type.String(),
  urgent: Type.Boolean(),
  route: Type.String(),
  departmentId: Type.String(),
  assignedDepartmentId: Nullable(Type.String()),
  reporterName: Nullable(
    Type.String({ description: 'masked (null) outside the center and the supervisors' }),
  ),
  dueDate: Nullable(Type.String()),
  colour: Nullable(Type.String()),
  returnCount: Type.Integer(),
  reopenCount: Type.Integer(),
  createdAt: Type.String(),
});

export const QueueList = Type.Object({ items: Type.Array(QueueRow) });

const Counts = <K extends string>(keys: readonly K[]) =>
  Type.Object(Object.fromEntries(keys.map((k) => [k, Type.Integer({ minimum: 0 })])) as Record<K, TInteger>);

export const WorkbenchList = Type.Object({
  items: Type.Array(QueueRow, { description: 'one page of the queue asked for, soonest deadline first' }),
  counts: Type.Object(
    {
      steps: Counts(['submitted', 'accepted', 'dispatched', 'returned', 'replied'] as const),
      colours: Counts(['red', 'yellow', 'green', 'none'] as const),
      deadlines: Counts(['overdue', 'today', 'later', 'none'] as const),
      total: Type.Integer({ minimum: 0 }),
    },
    {
      description:
        'every open ticket counted: per step under the colour and deadline asked for; per colour and per deadline over all steps',
    },
  ),
});

export const SupervisorViewT = Type.Object({
  overdue: Type.Array(QueueRow),
  returned: Type.Array(QueueRow),
  reopened: Type.Array(QueueRow),
});

export const TrackView = Type.Object({
  id: Type.String({ description: 'for the reporter’s own steps (rate, reopen) with the check code' }),
  ticketNo: Type.String(),
  state: ComplaintState,
  category: Type.String(),
  department: Type.String(),
  dueDate: Nullable(Type.String()),
  reply: Nullable(Type.String()),
  refusalReasons: Nullable(Type.Array(Type.String())),
  mergedIntoTicketNo: Nullable(Type.String()),
  rating: Nullable(Type.Integer()),
  mayReopenUntil: Nullable(Type.String()),
  steps: Type.Array(Type.Object({ at: Type.String(), kind: Type.String() })),
  lastHash: Nullable(Type.String()),
});

export const CategoryView = Type.Object({
  code: Type.String(),
  zh: Type.String(),
  en: Type.String(),
  kind: Type.String(),
  limitDays: Type.Integer(),
  urgentLimitDays: Type.Integer(),
  active: Type.Boolean(),
});

export const StatsRow = Type.Object({
  departmentId: Type.String(),
  department: Type.String(),
  tickets: Type.Integer(),
  shown: Type.Boolean({ description: 'false below the minimum number of tickets: rates are then withheld' }),
  onTimeReplyRate: Nullable(Type.Number()),
  resolutionRate: Nullable(Type.Number()),
  returns: Nullable(Type.Integer()),
});

export const StatsView = Type.Object({ minimumTickets: Type.Integer(), departments: Type.Array(StatsRow) });

export const FeeContextView = Type.Object({
  ticketNo: Type.String(),
  feeReference: Nullable(Type.String()),
  publishedFees: Type.Array(
    Type.Object({
      code: Type.String(),
      name: Type.String(),
      basis: Type.String(),
      standard: Type.String(),
    }),
  ),
});
