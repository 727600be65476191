import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { NOT_BLANK, paged, StringEnum } from '../../shared/schema-helpers.js';
import { ClockView } from '../clock/schemas.js';
import { DocumentStateT } from '../documents/schemas.js';
import { DELIVERY_METHODS } from './deliver-case.js';

const Id = Type.String({ minLength: 1, maxLength: 100 });
/** Free text that goes into notices and decisions: something other than blanks. */
const Text = (max = 2000) => Type.String({ minLength: 1, maxLength: max, pattern: NOT_BLANK });
export const Version = {
  version: Type.Integer({ minimum: 1, description: 'the case version you read (optimistic concurrency)' }),
};
/** A calendar day that exists (2026-11-31 does not). */
const Date = Type.String({ format: 'date', pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' });
const MaterialGiven = Type.Object(
  {
    name: Text(200),
    fileId: Type.Optional(Id),
    paper: Type.Optional(Type.Boolean({ description: 'paper original checked at the window (clerks only)' })),
  },
  { additionalProperties: false },
);

export const SubmitBody = Type.Object(
  {
    itemId: Type.Optional(Id),
    bundleCode: Type.Optional(Type.String({ minLength: 1, maxLength: 30 })),
    applicant: Type.Optional(
      Type.Object(
        {
          kind: StringEnum(['person', 'enterprise'] as const),
          name: Text(100),
          idNumber: Type.Optional(Type.String({ maxLength: 18 })),
          creditCode: Type.Optional(Type.String({ maxLength: 18 })),
          phone: Type.Optional(Type.String({ pattern: '^1[3-9]\\d{9}$' })),
          email: Type.Optional(Type.String({ format: 'email', maxLength: 200 })),
        },
        {
          additionalProperties: false,
          description: 'walk-in applicant (window clerks); online applicants are taken from their account',
        },
      ),
    ),
    form: Type.Record(Type.String({ maxLength: 100 }), Type.Unknown(), {
      description: 'the application form (一表申请)',
    }),
    materials: Type.Array(MaterialGiven, { maxItems: 100 }),
    window: Type.Optional(Type.String({ maxLength: 20 })),
    submit: Type.Optional(Type.Boolean({ default: true, description: 'false saves a draft' })),
  },
  { additionalProperties: false },
);

export const VersionBody = Type.Object(Version);
export const RecordParams = Type.Object({
  id: Type.String({ maxLength: 100 }),
  recordId: Type.String({ maxLength: 100 }),
});
export const ShortfallBody = Type.Object({ ...Version, deadline: Date, commitment: Text(2000) });
export const SupplementRequestBody = Type.Object({
  ...Version,
  items: Type.Array(Type.Object({ name: Text(200), requirement: Text(500) }), {
    minItems: 1,
    maxItems: 50,
    description: 'every missing material once',
  }),
  reason: Type.Optional(Text(1000)),
});
export const MaterialsBody = Type.Object({
  ...Version,
  materials: Type.Array(MaterialGiven, { minItems: 1, maxItems: 100 }),
});
export const RefuseIntakeBody = Type.Object({
  ...Version,
  reasons: Type.Array(Text(1000), { minItems: 1, maxItems: 20 }),
  competentAgency: Type.Optional(Text(200)),
});
export const OpinionBody = Type.Object({ ...Version, taskId: Id, text: Text(5000) });
export const SiteVerificationBody = Type.Object({
  ...Version,
  taskId: Id,
  staffIds: Type.Array(Id, { minItems: 2, maxItems: 10 }),
  date: Date,
  findings: Text(5000),
});
export const SpecialProcedureBody = Type.Object({
  ...Version,
  taskId: Id,
  procedure: Text(100),
  expectedDays: Type.Integer({ minimum: 1, maximum: 365 }),
  reason: Text(2000),
});
export const EndProcedureBody = Type.Object({ ...Version, taskId: Id, outcome: Text(2000) });
export const ExtensionRequestBody = Type.Object({
  ...Version,
  taskId: Id,
  days: Type.Integer({ minimum: 1, maximum: 15 }),
  reason: Text(2000),
});
export const ExtensionDecisionBody = Type.Object({
  ...Version,
  approve: Type.Boolean(),
  note: Type.Optional(Text(1000)),
});
export const DecisionBody = Type.Object({
  ...Version,
  taskId: Id,
  decision: StringEnum(['approve', 'refuse'] as const),
  reasons: Type.Optional(Type.Array(Text(1000), { maxItems: 20 })),
});
export const DeliverBody = Type.Object({
  ...Version,
  method: StringEnum(DELIVERY_METHODS),
  recipient: Text(100),
});
export const WithdrawBody = Type.Object({ ...Version, reason: Text(1000) });
export const CaseListQuery = Type.Object({
  state: Type.Optional(
    Type.String({ maxLength: 200, description: 'one state, or several separated by commas' }),
  ),
  q: Type.Optional(Type.String({ maxLength: 100 })),
  page: Type.Integer({ minimum: 1, maximum: 100000, default: 1 }),
  pageSize: Type.Integer({ minimum: 1, maximum: 200, default: 20 }),
});
export const InquiryBody = Type.Object({
  personName: Text(100),
  contact: Type.Optional(Type.String({ maxLength: 100 })),
  question: Text(2000),
  itemId: Type.Optional(Id),
});

const N = <T extends TSchema>(s: T) => Type.Union([s, Type.Null()]);

// ---- what the case routes answer ----

const DepartmentRef = Type.Object({ id: Type.String(), code: Type.String(), name: Type.String() });
const Json = Type.Record(Type.String(), Type.Unknown());

/** A case as the people on it see it (presentCase): personal data masked for staff. */
export const CaseView = Type.Object(
  {
    id: Type.String(),
    receiptNo: Type.String(),
    title: Type.String(),
    state: Type.String(),
    shortfall: Type.Boolean({ description: 'accepted with shortfall (容缺受理)' }),
    channel: Type.String(),
    handlingClass: Type.String(),
    bundleId: N(Type.String()),
    leadDepartment: N(DepartmentRef),
    committedDays: Type.Integer(),
    window: N(Type.String()),
    applicant: Type.Object(
      {
        kind: Type.String(),
        name: Type.String(),
        id: N(Type.String()),
        phone: N(Type.String()),
        email: N(Type.String()),
      },
      { description: 'the ID number masked; the phone masked for staff' },
    ),
    checkCode: Type.Optional(
      Type.String({ description: 'the tracking check code (applicant and window only)' }),
    ),
    form: Json,
    createdAt: Type.String(),
    submittedAt: N(Type.String()),
    receivedAt: N(Type.String()),
    acceptedAt: N(Type.String()),
    acceptanceDate: N(Type.String()),
    decidedAt: N(Type.String()),
    decision: N(Type.String()),
    completedAt: N(Type.String()),
    version: Type.Integer(),
    latestHash: N(Type.String()),
    items: Type.Array(
      Type.Object({
        itemId: Type.String(),
        name: Type.String(),
        versionNo: Type.Integer(),
        role: Type.String(),
        department: N(DepartmentRef),
      }),
    ),
    materials: Type.Array(
      Type.Object({
        id: Type.String(),
        name: Type.String(),
        required: Type.Boolean(),
        deferrable: Type.Boolean(),
        status: Type.String(),
        fileId: N(Type.String()),
        deferredUntil: N(Type.String()),
      }),
    ),
    tasks: Type.Array(
      Type.Object({
        id: Type.String(),
        department: N(DepartmentRef),
        itemId: Type.String(),
        state: Type.String(),
        decision: N(Type.String()),
        reasons: Type.Array(Type.String()),
        decidedAt: N(Type.String()),
        decidedByName: N(Type.String({ description: 'who decided the task' })),
        clock: N(ClockView),
      }),
    ),
    supplementNotices: Type.Array(
      Type.Object({
        seq: Type.Integer(),
        items: Type.Array(Type.Object({ name: Type.String(), requirement: Type.String() })),
        reason: N(Type.String()),
        issuedAt: Type.String(),
        fulfilledAt: N(Type.String()),
      }),
    ),
    records: Type.Array(
      Type.Object({
        id: Type.String(),
        taskId: N(Type.String()),
        kind: Type.String(),
        text: Type.String(),
        data: Json,
        status: Type.String(),
        authorId: N(Type.String()),
        authorName: N(Type.String()),
        department: N(DepartmentRef),
        deciderName: N(
          Type.String({ description: "who decided an extension request (data.note: the decider's reason)" }),
        ),
        createdAt: Type.String(),
      }),
      { description: 'the review record: staff only (an applicant gets none)' },
    ),
    documents: Type.Array(
      Type.Object({
        id: Type.String(),
        kind: Type.String(),
        number: Type.String(),
        issuedAt: Type.String(),
        state: DocumentStateT,
        sha256: N(Type.String({ description: "the PDF's SHA-256, once rendered" })),
        contentSha256: N(
          Type.String({
            description: "SHA-256 of the document's content, fixed when issued (written into the PDF)",
          }),
        ),
      }),
    ),
    clocks: Type.Object({ acceptance: N(ClockView), case: N(ClockView), delivery: N(ClockView) }),
    history: Type.Array(
      Type.Object({
        seq: Type.Integer(),
        at: Type.String(),
        kind: Type.String(),
        actorRole: N(Type.String()),
        data: Json,
        hash: Type.String(),
      }),
    ),
    allowedActions: Type.Array(Type.String(), { description: 'the actions you may take now' }),
  },
  {
    $id: 'CaseView',
    description:
      'a case with its items, materials, tasks, clocks, documents, history and the actions you may take',
  },
);
export type CaseViewT = Static<typeof CaseView>;
/** The case view by reference: the application registers CaseView once (app.addSchema), so the
 * document lists it once under components.schemas rather than inline in every action. */
export const CaseViewRef = Type.Unsafe<CaseViewT>(Type.Ref('CaseView'));

/** What a case action answers: the use case's own result and the case as it now stands. */
export const ActionResult = Type.Object({ result: Type.Unknown(), case: CaseViewRef });

export const Submitted = Type.Object({
  checkCode: N(
    Type.String({ description: 'the tracking check code, shown once (null on a replayed retry)' }),
  ),
  case: Type.Object({
    id: Type.String(),
    receiptNo: Type.String(),
    title: Type.String(),
    state: Type.String(),
    channel: Type.String(),
    version: Type.Integer(),
    submittedAt: N(Type.String()),
    latestHash: N(Type.String()),
  }),
});

export const CaseSummary = Type.Object(
  {
    id: Type.String(),
    receiptNo: Type.String(),
    title: Type.String(),
    state: Type.String(),
    channel: Type.String(),
    applicantName: Type.String(),
    createdAt: Type.String(),
    submittedAt: N(Type.String()),
    decision: N(Type.String()),
    version: Type.Integer(),
    leadDepartmentId: Type.String(),
    dueDate: N(
      Type.String({ description: 'the deadline being worked to now (acceptance, review or delivery)' }),
    ),
    colour: N(Type.String({ description: "that clock's colour; null while paused or when none runs" })),
  },
  { title: 'CaseSummary' },
);
export const CasePage = Type.Object({
  ...paged(CaseSummary).properties,
  counts: Type.Record(Type.String(), Type.Integer(), {
    description: 'cases in each state, in the same scope and search, whatever the state filter',
  }),
});

export const WorkItem = Type.Object(
  {
    taskId: Type.String(),
    taskState: Type.String(),
    caseId: Type.String(),
    receiptNo: Type.String(),
    title: Type.String({
      description: "the task's own item (a bundle's department reads its item, not the bundle)",
    }),
    caseTitle: Type.String({ description: "the case's title: the item, or the bundle's name" }),
    caseState: Type.String(),
    caseVersion: Type.Integer(),
    dueDate: N(Type.String()),
    colour: N(Type.String()),
    clockStatus: N(Type.String()),
    extensionPending: Type.Boolean({ description: 'an extension request of this task waits for the head' }),
  },
  { title: 'WorkItem' },
);
export const WorkPage = paged(WorkItem);

export const InquiryView = Type.Object(
  {
    id: Type.String(),
    ownerId: Type.String(),
    personName: Type.String(),
    contact: N(Type.String()),
    question: Type.String(),
    status: Type.String(),
    answer: N(Type.String()),
    handedToId: N(Type.String()),
    handoverNote: N(Type.String()),
    createdAt: Type.String(),
    closedAt: N(Type.String()),
    dueDate: N(Type.String()),
    colour: N(Type.String()),
    version: Type.Integer(),
  },
  { title: 'Inquiry' },
);
export const InquiryPage = paged(InquiryView);

// ---- public tracking (GET /track/{receiptNo}) ----

const Bilingual = Type.Object({ zh: Type.String(), en: Type.String() });
const TrackedForm = Type.Object({
  number: Type.String(),
  item: N(Type.String()),
  status: Type.String({ description: 'open, settled or cancelled' }),
  chargedFen: Type.Integer(),
  waivedFen: Type.Integer(),
  paidFen: Type.Integer(),
  outstandingFen: Type.Integer(),
  refundedFen: Type.Integer(),
  dueDate: Type.String(),
  settledAt: N(Type.String()),
});

/** What the tracking page is stored as (composeTracking); a lookup adds the colour, the time and the fees as they stand. */
export const TrackingSnapshot = Type.Object({
  receiptNo: Type.String(),
  title: Type.String(),
  state: Type.String(),
  stage: Bilingual,
  channel: Type.String(),
  applicant: Type.Object({ name: N(Type.String()), id: N(Type.String()) }, { description: 'masked' }),
  items: Type.Array(
    Type.Object({
      name: Type.String(),
      versionNo: Type.Integer(),
      role: Type.String(),
      department: N(Type.String()),
    }),
  ),
  leadDepartment: N(
    Type.Object({
      name: Type.String(),
      windows: Type.Array(Type.String()),
      phone: Type.String(),
      complaintPhone: Type.String(),
    }),
  ),
  window: N(Type.String()),
  responsibleOfficial: N(Type.String({ description: 'as published in the item guide' })),
  place: N(Type.String()),
  submittedAt: N(Type.String()),
  acceptedAt: N(Type.String()),
  acceptanceDate: N(Type.String()),
  departments: Type.Array(
    Type.Object({
      department: N(Type.String()),
      state: Type.String(),
      decision: N(Type.String()),
      decidedAt: N(Type.String()),
      dueDate: N(Type.String()),
      status: N(Type.String()),
    }),
  ),
  deadline: N(
    Type.Object({
      status: Type.String(),
      dueDate: Type.String(),
      provisional: Type.Boolean(),
      yellowAt: N(Type.String()),
      overdueAt: Type.String(),
      committedDays: Type.Integer(),
      explanation: Type.Array(
        Type.Object({
          code: Type.String(),
          zh: Type.String(),
          en: Type.String(),
          data: Type.Record(Type.String(), Type.Unknown()),
        }),
      ),
    }),
  ),
  predictedCompletion: N(Type.String()),
  result: N(
    Type.Object({ decision: Type.String(), decidedAt: N(Type.String()), completedAt: N(Type.String()) }),
  ),
  documents: Type.Array(
    Type.Object({
      kind: Type.String(),
      number: Type.String(),
      issuedAt: Type.String(),
      state: DocumentStateT,
      sha256: N(Type.String({ description: "the PDF's SHA-256, once rendered" })),
    }),
  ),
  latestHash: N(Type.String({ description: "the case's latest event hash, to prove later what was shown" })),
  events: Type.Integer(),
  updatedAt: Type.String(),
});

export const TrackingView = Type.Composite([
  Type.Object({
    colour: Type.Union([Type.Literal('green'), Type.Literal('yellow'), Type.Literal('red'), Type.Null()]),
    checkedAt: Type.String(),
    fees: N(
      Type.Object(
        {
          forms: Type.Array(TrackedForm, { description: 'the latest 50 at most, oldest first' }),
          formCount: Type.Integer(),
          chargedFen: Type.Integer(),
          paidFen: Type.Integer(),
          outstandingFen: Type.Integer(),
          refundedFen: Type.Integer(),
        },
        { description: 'payment forms (缴款书) and totals as they stand; null when none was issued' },
      ),
    ),
  }),
  TrackingSnapshot,
]);
