import { Type, type Static } from '@sinclair/typebox';
import { NOT_BLANK, StringEnum } from '../../shared/schema-helpers.js';
import { ComplaintState } from './views.js';

const Id = Type.String({ minLength: 1, maxLength: 100 });
const Text = (max = 2000) => Type.String({ minLength: 1, maxLength: max, pattern: NOT_BLANK });
const Version = { version: Type.Integer({ minimum: 1, description: 'the ticket version you read' }) };
const Phone = Type.String({ pattern: '^\\+?[0-9][0-9 -]{4,19}$', description: 'mobile or landline' });

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

export const QueueQuery = Type.Object({
  state: Type.Optional(ComplaintState),
  colour: Type.Optional(StringEnum(['green', 'yellow', 'red'] as const)),
  deadline: Type.Optional(
    StringEnum(['overdue', 'today', 'later', 'none'] as const, {
      description: "the running clock's due date against today: before, on, after it, or no clock running",
    }),
  ),
  limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
});

export const CategoryBody = Type.Object({
  limitDays: Type.Integer({ minimum: 0, maximum: 60 }),
  urgentLimitDays: Type.Integer({ minimum: 0, maximum: 60 }),
  active: Type.Boolean(),
});

export const CategoryParams = Type.Object({ code: Type.String({ minLength: 1, maxLength: 40 }) });

export * from './views.js';
