import { Type, type Static } from '@sinclair/typebox';
import { NOT_BLANK, Nullable, StringEnum } from '../../shared/schema-helpers.js';
import { COMPLAINT_STATES } from './complaint-machine.js';

const Id = Type.String({ minLength: 1, maxLength: 100 });
const Text = (max = 2000) => Type.String({ minLength: 1, maxLength: max, pattern: NOT_BLANK });
const Version = { version: Type.Integer({ minimum: 1, description: 'the ticket version you read' }) };
const Phone = Type.String({ pattern: '^\\+?[0-9][0-9 -]{4,19}$', description: 'mobile or landline' });

export const CHANNELS = ['portal', 'window', 'account', 'open311'] as const;
export const ComplaintState = StringEnum(COMPLAINT_STATES);

export const SubmitComplaintBody = Type.Object(
  {
    channel: StringEnum(['portal', 'window', 'account'] as const, {
      description:
        'portal (anyone), window (recorded by staff for a walk-in or call), account (logged-in applicant)',
    }),
    anonymous: Type.Boolean({ description: 'anonymous reports carry no name; contact is optional' }),
    reporter: Type.Optional(
      Type.Object(
        {
          name: Type.Optional(Text(100)),
          phone: Type.Optional(Phone),
          email: Type.Optional(Type.String({ format: 'email', maxLength: 200 })),
        },
        { additionalProperties: false },
      ),
    ),
    categoryCode: Type.String({ minLength: 1, maxLength: 40 }),
    urgent: Type.Optional(Type.Boolean({ description: 'urgent: answered the same working day' })),
    departmentId: Id,
    aboutLeadership: Type.Optional(
      Type.Boolean({ description: "about the department's head or leadership: goes to the supervisors" }),
    ),
    concerns: Type.Optional(
      Type.Object(
        {
          caseReceiptNo: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
          feeReference: Type.Optional(
            Type.String({ minLength: 1, maxLength: 40, description: 'payment form or receipt number' }),
          ),
          inspectionReference: Type.Optional(Type.String({ minLength: 1, maxLength: 60 })),
          staffNamed: Type.Optional(Text(100)),
        },
        { additionalProperties: false },
      ),
    ),
    description: Text(4000),
    location: Type.Optional(
      Type.Object(
        {
          text: Type.Optional(Text(300)),
          lat: Type.Optional(Type.Number({ minimum: -90, maximum: 90 })),
          lng: Type.Optional(Type.Number({ minimum: -180, maximum: 180 })),
        },
        { additionalProperties: false },
      ),
    ),
    attachments: Type.Optional(
      Type.Array(
        Type.Object(
          { name: Text(200), contentBase64: Type.String({ minLength: 1, maxLength: 28_000_000 }) },
          { additionalProperties: false },
        ),
        { maxItems: 5, description: 'PDF, JPEG or PNG, checked by content like case materials' },
      ),
    ),
  },
  { additionalProperties: false },
);
export type SubmitComplaintInput = Static<typeof SubmitComplaintBody>;

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

export const StepBody = Type.Object({ ...Version, note: Type.Optional(Text(2000)) });
export const RefuseBody = Type.Object({
  ...Version,
  reasons: Type.Array(Text(500), { minItems: 1, maxItems: 20 }),
});
export const DispatchBody = Type.Object({
  ...Version,
  departmentId: Type.Optional(Id),
  note: Type.Optional(Text(2000)),
});
export const ReturnBody = Type.Object({
  ...Version,
  reason: Text(2000),
  suggestedDepartmentId: Type.Optional(Id),
  suggestedResponsible: Type.Optional(Text(200)),
});
export const DecideReturnBody = Type.Object({
  ...Version,
  decision: StringEnum(['upheld', 'rejected'] as const, {
    description: 'upheld: reassign to departmentId; rejected: back to the returning department',
  }),
  departmentId: Type.Optional(Id),
  note: Text(2000),
});
export const ReassignBody = Type.Object({ ...Version, departmentId: Id, note: Text(2000) });
export const ReplyBody = Type.Object({ ...Version, reply: Text(5000) });
export const CallbackBody = Type.Object({ ...Version, note: Text(2000), reached: Type.Boolean() });
export const MergeBody = Type.Object({ ...Version, intoId: Id });
const ReporterProof = {
  code: Type.Optional(Type.String({ minLength: 4, maxLength: 20, description: 'check code (no login)' })),
};
export const RateBody = Type.Object({
  ...ReporterProof,
  rating: Type.Integer({ minimum: 1, maximum: 5, description: '5 非常满意 … 1 非常不满意' }),
  note: Type.Optional(Text(1000)),
});
export const ReopenBody = Type.Object({ ...ReporterProof, reason: Text(2000) });
export const TrackQuery = Type.Object({ code: Type.String({ minLength: 4, maxLength: 20 }) });
export const TicketParams = Type.Object({ ticketNo: Type.String({ minLength: 1, maxLength: 40 }) });

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
export const QueueQuery = Type.Object({
  state: Type.Optional(ComplaintState),
  colour: Type.Optional(StringEnum(['green', 'yellow', 'red'] as const)),
  limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
});
export const QueueList = Type.Object({ items: Type.Array(QueueRow) });
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
export const CategoryBody = Type.Object({
  limitDays: Type.Integer({ minimum: 0, maximum: 60 }),
  urgentLimitDays: Type.Integer({ minimum: 0, maximum: 60 }),
  active: Type.Boolean(),
});
export const CategoryParams = Type.Object({ code: Type.String({ minLength: 1, maxLength: 40 }) });

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
