import { Rating } from '../ratings/schemas.js';
import { Type } from '@sinclair/typebox';
import { NOT_BLANK, Nullable, StringEnum } from '../../shared/schema-helpers.js';
import { SEVERITIES } from './rules.js';

const Text = (maxLength: number) => Type.String({ minLength: 1, maxLength, pattern: NOT_BLANK });
const Day = Type.String({ format: 'date', pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' });
const Id = Type.String({ minLength: 1, maxLength: 100 });
const Fen = Type.Integer({ minimum: 0, maximum: 100_000_000_000, description: 'fen' });
const Severity = StringEnum(SEVERITIES);
const DepartmentId = { departmentId: Type.Optional(Id) };
const Version = { version: Type.Integer({ minimum: 1, description: 'the version you read' }) };

export const DepartmentQuery = Type.Object({ department: Type.Optional(Type.String({ maxLength: 100 })) });
export const YearQuery = Type.Object({ year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })) });
export const CodeParam = Type.Object({ code: Type.String({ minLength: 4, maxLength: 20 }) });
export const Proof = Type.Object({
  code: Type.Optional(Type.String({ minLength: 4, maxLength: 20, description: 'the code on the sign' })),
  check: Type.Optional(
    Type.String({ minLength: 4, maxLength: 20, description: "the enterprise's check code" }),
  ),
});

export const ItemBody = Type.Object({
  ...DepartmentId,
  code: Type.String({ minLength: 1, maxLength: 40, pattern: '^[A-Za-z0-9_-]+$' }),
  name: Text(200),
  basis: Text(1000),
  subjects: Text(500),
  method: Text(200),
  frequency: Text(200),
  noticeAllowed: Type.Boolean({ description: 'the enterprise may be told in advance' }),
});
const Range = Type.Object(
  { severity: Severity, warning: Type.Boolean(), fromFen: Fen, toFen: Fen },
  { additionalProperties: false },
);
export const ViolationBody = Type.Object({
  ...DepartmentId,
  code: Type.String({ minLength: 1, maxLength: 40, pattern: '^[A-Za-z0-9_-]+$' }),
  name: Text(200),
  basis: Text(1000),
  ranges: Type.Array(Range, { minItems: 1, maxItems: 3 }),
});
export const InspectorBody = Type.Object({
  ...DepartmentId,
  name: Text(50),
  certificateNo: Type.String({ minLength: 4, maxLength: 40, pattern: '^[A-Za-z0-9-]+$' }),
  validFrom: Day,
  validTo: Day,
  userId: Type.Optional(Id),
  active: Type.Optional(Type.Boolean()),
});
export const SettingsBody = Type.Object({
  departmentCap: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
  totalCap: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
  jointWindowDays: Type.Optional(Type.Integer({ minimum: 0, maximum: 90 })),
  resultDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 60 })),
  frequencyWindowDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 365 })),
  frequencyThreshold: Type.Optional(Type.Integer({ minimum: 2, maximum: 100 })),
  repeatWindowDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 365 })),
  departmentCaps: Type.Optional(
    Type.Array(
      Type.Object(
        {
          departmentId: Id,
          cap: Nullable(
            Type.Integer({ minimum: 1, maximum: 100, description: "null: the city's department cap again" }),
          ),
        },
        { additionalProperties: false },
      ),
      { maxItems: 200, description: "departments' own annual caps per enterprise" },
    ),
  ),
});
export const Settings = Type.Object({
  departmentCap: Type.Integer(),
  totalCap: Type.Integer(),
  jointWindowDays: Type.Integer(),
  resultDays: Type.Integer(),
  frequencyWindowDays: Type.Integer(),
  frequencyThreshold: Type.Integer(),
  repeatWindowDays: Type.Integer(),
  departmentCaps: Type.Array(
    Type.Object({ departmentId: Type.String(), departmentName: Type.String(), cap: Type.Integer() }),
  ),
});

export const RegisterBody = Type.Object({
  ...DepartmentId,
  creditCode: Type.String({
    minLength: 18,
    maxLength: 18,
    description: 'unified social credit code (GB 32100-2015)',
  }),
  enterpriseName: Text(200),
  itemIds: Type.Array(Id, { minItems: 1, maxItems: 20 }),
  inspectorIds: Type.Array(Id, { minItems: 1, maxItems: 10 }),
  plannedDate: Day,
  maxMinutes: Type.Integer({ minimum: 10, maximum: 1440 }),
  notice: Type.Boolean({ description: 'tell the enterprise in advance (where the items allow it)' }),
  jointWith: Type.Optional(Id),
});
export const VersionBody = Type.Object({ ...Version });
export const JoinBody = Type.Object({ ...Version, withId: Id });
export const ScanBody = Type.Object({ code: Type.String({ minLength: 4, maxLength: 20 }) });
export const ResultBody = Type.Object({
  ...Version,
  outcome: StringEnum(['no_problem', 'rectification', 'penalty'] as const),
  findings: Text(5000),
  rectificationDeadline: Type.Optional(Day),
  penalty: Type.Optional(
    Type.Object(
      {
        violationId: Type.Optional(Id),
        severity: Severity,
        warning: Type.Boolean(),
        fineFen: Fen,
        reason: Type.Optional(Type.String({ maxLength: 2000 })),
      },
      { additionalProperties: false },
    ),
  ),
});
export const ComplainBody = Type.Object({
  ...Proof.properties,
  description: Text(4000),
  anonymous: Type.Boolean(),
  reporter: Type.Optional(
    Type.Object(
      {
        name: Type.Optional(Text(100)),
        phone: Type.Optional(Type.String({ pattern: '^\\+?[0-9][0-9 -]{4,19}$' })),
        email: Type.Optional(Type.String({ format: 'email', maxLength: 200 })),
      },
      { additionalProperties: false },
    ),
  ),
});
export const InspectionListQuery = Type.Object({
  department: Type.Optional(Type.String({ maxLength: 100 })),
  from: Type.Optional(Day),
  to: Type.Optional(Day),
  state: Type.Optional(StringEnum(['registered', 'started', 'ended', 'concluded'] as const)),
  page: Type.Integer({ minimum: 1, maximum: 100000, default: 1 }),
  pageSize: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
});

const Published = {
  id: Type.String(),
  departmentId: Type.String(),
  departmentName: Nullable(Type.String()),
  code: Type.String(),
  versionNo: Type.Integer(),
  name: Type.String(),
  basis: Type.String(),
  status: Type.String(),
  publishedAt: Type.String(),
};
export const ItemView = Type.Object({
  ...Published,
  subjects: Type.String(),
  method: Type.String(),
  frequency: Type.String(),
  noticeAllowed: Type.Boolean(),
});
export const ViolationView = Type.Object({ ...Published, ranges: Type.Array(Range) });
export const InspectorView = Type.Object({
  id: Type.String(),
  departmentId: Type.String(),
  departmentName: Nullable(Type.String()),
  name: Type.String(),
  certificateNo: Type.String(),
  validFrom: Type.String(),
  validTo: Type.String(),
  valid: Type.Boolean(),
});
const Registration = {
  id: Type.String(),
  number: Type.String(),
  departmentId: Type.String(),
  departmentName: Type.String(),
  plannedDate: Type.String(),
  maxMinutes: Type.Integer(),
  state: Type.String(),
  joint: Type.Boolean(),
  startedAt: Nullable(Type.String()),
  items: Type.Array(
    Type.Object({
      code: Type.String(),
      versionNo: Type.Integer(),
      name: Type.String(),
      basis: Type.String(),
    }),
  ),
  inspectors: Type.Array(
    Type.Object({ name: Type.String(), certificateNo: Type.String(), validTo: Type.String() }),
  ),
};
export const RegistrationView = Type.Object(Registration);
export const InspectionView = Type.Object({
  ...Registration,
  version: Type.Integer(),
  enterpriseName: Type.String(),
  creditCode: Type.String(),
  notice: Type.Boolean(),
  jointGroup: Nullable(Type.String()),
  endedAt: Nullable(Type.String()),
  overran: Type.Boolean(),
  outcome: Nullable(Type.String()),
  findings: Nullable(Type.String()),
  rectificationDeadline: Nullable(Type.String()),
  penalty: Nullable(
    Type.Object({
      violationId: Nullable(Type.String()),
      severity: Type.String(),
      warning: Type.Boolean(),
      fineFen: Type.Integer(),
      reason: Nullable(Type.String()),
      outsideStandard: Type.Boolean(),
    }),
  ),
  resultAt: Nullable(Type.String()),
  recordNumber: Nullable(Type.String()),
  receivedAt: Nullable(Type.String()),
  complaints: Type.Integer(),
  registeredAt: Type.String(),
});
export const JointProposal = Type.Object({
  id: Type.String(),
  number: Type.String(),
  departmentId: Type.String(),
  departmentName: Type.String(),
  plannedDate: Type.String(),
});
export const Registered = Type.Object({
  inspection: InspectionView,
  jointProposals: Type.Array(JointProposal),
  signals: Type.Array(Type.String()),
});
export const InspectionPage = Type.Object({
  items: Type.Array(InspectionView),
  total: Type.Integer(),
  today: Type.String(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
});
export const VerifyView = Type.Object({
  enterpriseName: Type.String(),
  creditCode: Type.String(),
  today: Type.String(),
  registrations: Type.Array(RegistrationView),
});
export const HistoryView = Type.Object({
  enterpriseName: Type.String(),
  creditCode: Type.String(),
  code: Type.String(),
  total: Type.Integer(),
  items: Type.Array(InspectionView),
});
export const SignView = Type.Object({
  enterpriseName: Type.String(),
  creditCode: Type.String(),
  code: Type.String(),
  checkCode: Type.String(),
  url: Type.String(),
  qrSvg: Type.String(),
});
const DeptStats = {
  departmentId: Type.String(),
  departmentName: Type.String(),
  inspections: Type.Integer(),
  jointPct: Type.Number(),
  findingsPct: Type.Number(),
  complaints: Type.Integer(),
};
export const StatsView = Type.Object({
  year: Type.Integer(),
  departments: Type.Array(Type.Object(DeptStats)),
});
export const OverviewView = Type.Object({
  year: Type.Integer(),
  departments: Type.Array(Type.Object({ ...DeptStats, signals: Type.Record(Type.String(), Type.Integer()) })),
  enterprises: Type.Array(
    Type.Object({
      id: Type.String(),
      name: Type.String(),
      creditCode: Type.String(),
      inspections: Type.Integer(),
      departments: Type.Integer(),
      signals: Type.Integer(),
    }),
  ),
  openSignals: Type.Integer(),
  flagged: Type.Array(
    Type.Object({
      signalId: Type.String(),
      kind: Type.String(),
      raisedAt: Type.String(),
      departmentName: Nullable(Type.String()),
      inspectionId: Nullable(Type.String()),
      inspectionNumber: Nullable(Type.String()),
      enterpriseName: Nullable(Type.String()),
    }),
    { description: 'the open signals newest first (100 at most), each with its inspection where it has one' },
  ),
});
export const RateBody = Type.Object({ ...Proof.properties, ...Rating });
export const Complained = Type.Object({ ticketNo: Type.String(), checkCode: Type.String() });
export const Received = Type.Object({ receivedAt: Type.String() });
