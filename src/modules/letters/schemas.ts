import { Type, type Static } from '@sinclair/typebox';
import { NOT_BLANK, Nullable, StringEnum, paged } from '../../shared/schema-helpers.js';
import { ClockView } from '../clock/schemas.js';
import { DocumentStateT } from '../documents/schemas.js';
import { LETTER_KINDS } from './letter-kinds.js';
import { LETTER_ACTIONS, LETTER_STATES, type LetterAction } from './letter-machine.js';

const Text = (maxLength: number) => Type.String({ minLength: 1, maxLength, pattern: NOT_BLANK });
const Day = Type.String({ format: 'date', pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' });
const Version = { version: Type.Integer({ minimum: 1, description: 'the version you read' }) };
const Kind = StringEnum(LETTER_KINDS, { description: 'who the letter comes from' });
const State = StringEnum(LETTER_STATES);
const Action = StringEnum(Object.keys(LETTER_ACTIONS) as LetterAction[]);

export const RegisterBody = Type.Object({
  kind: Kind,
  senderName: Text(100),
  senderOrganization: Type.Optional(Type.String({ maxLength: 200 })),
  senderIdNumber: Type.Optional(Type.String({ maxLength: 18, description: 'resident ID or credit code' })),
  senderPhone: Type.Optional(Type.String({ maxLength: 30 })),
  senderAddress: Type.Optional(Type.String({ maxLength: 300 })),
  receivedDate: Day,
  subject: Text(200),
  summary: Type.Optional(Type.String({ maxLength: 5000 })),
});
export type RegisterBodyT = Static<typeof RegisterBody>;

export const AssignBody = Type.Object({
  ...Version,
  departmentId: Type.String({ minLength: 1, maxLength: 100 }),
  limitDays: Type.Optional(
    Type.Integer({ minimum: 1, maximum: 120, description: "working days, instead of the kind's default" }),
  ),
});
export const ReassignBody = Type.Object({
  ...Version,
  departmentId: Type.String({ minLength: 1, maxLength: 100 }),
  reason: Text(1000),
});
export const ExtensionRequestBody = Type.Object({
  ...Version,
  days: Type.Integer({ minimum: 1, maximum: 15 }),
  reason: Text(1000),
});
export const ExtensionDecisionBody = Type.Object({
  ...Version,
  approve: Type.Boolean(),
  note: Type.Optional(Type.String({ maxLength: 1000 })),
});
export const AnswerBody = Type.Object({ ...Version, replyText: Text(10000) });
export const VersionQuery = Type.Object({ version: Type.Integer({ minimum: 1 }) });

export const LetterListQuery = Type.Object({
  state: Type.Optional(State),
  kind: Type.Optional(Kind),
  department: Type.Optional(Type.String({ maxLength: 100 })),
  overdue: Type.Optional(
    Type.Boolean({ description: 'only letters past their reply limit, not yet answered' }),
  ),
  q: Type.Optional(Type.String({ maxLength: 100, description: 'number or subject' })),
  page: Type.Integer({ minimum: 1, maximum: 100000, default: 1 }),
  pageSize: Type.Integer({ minimum: 1, maximum: 200, default: 20 }),
});
export type LetterListQueryT = Static<typeof LetterListQuery>;

const Sender = {
  senderName: Type.String(),
  senderOrganization: Nullable(Type.String()),
  /** True when the viewer may not see who wrote: the name and contact details are masked. */
  senderMasked: Type.Boolean(),
};

export const LetterSummary = Type.Object(
  {
    id: Type.String(),
    number: Type.String(),
    kind: Kind,
    ...Sender,
    receivedDate: Type.String(),
    subject: Type.String(),
    state: State,
    departmentId: Nullable(Type.String()),
    departmentName: Nullable(Type.String()),
    dueDate: Nullable(Type.String()),
    colour: Nullable(StringEnum(['green', 'yellow', 'red'] as const)),
    overdue: Type.Boolean(),
    hasOriginal: Type.Boolean(),
    extensionPending: Type.Boolean(),
    replyNumber: Nullable(Type.String()),
    repliedAt: Nullable(Type.String()),
    version: Type.Integer(),
  },
  { title: 'LetterSummary' },
);
export const LetterPage = paged(LetterSummary);

export const LetterView = Type.Object(
  {
    ...LetterSummary.properties,
    senderIdNumber: Nullable(Type.String()),
    senderPhone: Nullable(Type.String()),
    senderAddress: Nullable(Type.String()),
    summary: Nullable(Type.String()),
    limitDays: Nullable(Type.Integer()),
    registeredAt: Type.String(),
    assignedAt: Nullable(Type.String()),
    original: Nullable(
      Type.Object({ name: Type.String(), mime: Type.String(), size: Type.Integer(), sha256: Type.String() }),
    ),
    extensionRequest: Nullable(
      Type.Object({ days: Type.Integer(), reason: Type.String(), requestedBy: Nullable(Type.String()) }),
    ),
    reply: Nullable(
      Type.Object({
        number: Type.String(),
        text: Type.String(),
        repliedAt: Type.String(),
        repliedBy: Nullable(Type.String()),
        state: DocumentStateT,
        sha256: Nullable(Type.String({ description: "the reply letter's PDF SHA-256, once rendered" })),
      }),
    ),
    clock: Nullable(ClockView),
    allowedActions: Type.Array(Action),
  },
  { title: 'LetterView' },
);
export type LetterViewT = Static<typeof LetterView>;

export const LetterKindInfo = Type.Array(
  Type.Object({
    kind: Kind,
    zh: Type.String(),
    en: Type.String(),
    unit: StringEnum(['working_days', 'months'] as const),
    n: Type.Integer(),
  }),
);
