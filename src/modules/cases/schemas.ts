import { Type } from '@sinclair/typebox';
import { NOT_BLANK, StringEnum } from '../../shared/schema-helpers.js';
import { DELIVERY_METHODS } from './deliver-case.js';

const Id = Type.String({ minLength: 1, maxLength: 100 });
/** Free text that goes into notices and decisions: something other than blanks. */
const Text = (max = 2000) => Type.String({ minLength: 1, maxLength: max, pattern: NOT_BLANK });
export const Version = { version: Type.Integer({ minimum: 1, description: 'the case version you read (optimistic concurrency)' }) };
/** A calendar day that exists (2026-11-31 does not). */
const Date = Type.String({ format: 'date', pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' });
const MaterialGiven = Type.Object({ name: Text(200), fileId: Type.Optional(Id), paper: Type.Optional(Type.Boolean({ description: 'paper original checked at the window (clerks only)' })) }, { additionalProperties: false });

export const SubmitBody = Type.Object({
  itemId: Type.Optional(Id),
  bundleCode: Type.Optional(Type.String({ minLength: 1, maxLength: 30 })),
  applicant: Type.Optional(Type.Object({
    kind: StringEnum(['person', 'enterprise'] as const), name: Text(100),
    idNumber: Type.Optional(Type.String({ maxLength: 18 })), creditCode: Type.Optional(Type.String({ maxLength: 18 })),
    phone: Type.Optional(Type.String({ pattern: '^1[3-9]\\d{9}$' })), email: Type.Optional(Type.String({ format: 'email', maxLength: 200 })),
  }, { additionalProperties: false, description: 'walk-in applicant (window clerks); online applicants are taken from their account' })),
  form: Type.Record(Type.String({ maxLength: 100 }), Type.Unknown(), { description: 'the application form (一表申请)' }),
  materials: Type.Array(MaterialGiven, { maxItems: 100 }),
  window: Type.Optional(Type.String({ maxLength: 20 })),
  submit: Type.Optional(Type.Boolean({ default: true, description: 'false saves a draft' })),
}, { additionalProperties: false });

export const VersionBody = Type.Object(Version);
export const ShortfallBody = Type.Object({ ...Version, deadline: Date, commitment: Text(2000) });
export const SupplementRequestBody = Type.Object({ ...Version, items: Type.Array(Type.Object({ name: Text(200), requirement: Text(500) }), { minItems: 1, maxItems: 50, description: 'every missing material once' }), reason: Type.Optional(Text(1000)) });
export const MaterialsBody = Type.Object({ ...Version, materials: Type.Array(MaterialGiven, { minItems: 1, maxItems: 100 }) });
export const RefuseIntakeBody = Type.Object({ ...Version, reasons: Type.Array(Text(1000), { minItems: 1, maxItems: 20 }), competentAgency: Type.Optional(Text(200)) });
export const OpinionBody = Type.Object({ ...Version, taskId: Id, text: Text(5000) });
export const SiteVerificationBody = Type.Object({ ...Version, taskId: Id, staffIds: Type.Array(Id, { minItems: 2, maxItems: 10 }), date: Date, findings: Text(5000) });
export const SpecialProcedureBody = Type.Object({ ...Version, taskId: Id, procedure: Text(100), expectedDays: Type.Integer({ minimum: 1, maximum: 365 }), reason: Text(2000) });
export const EndProcedureBody = Type.Object({ ...Version, taskId: Id, outcome: Text(2000) });
export const ExtensionRequestBody = Type.Object({ ...Version, taskId: Id, days: Type.Integer({ minimum: 1, maximum: 15 }), reason: Text(2000) });
export const ExtensionDecisionBody = Type.Object({ ...Version, approve: Type.Boolean(), note: Type.Optional(Text(1000)) });
export const DecisionBody = Type.Object({ ...Version, taskId: Id, decision: StringEnum(['approve', 'refuse'] as const), reasons: Type.Optional(Type.Array(Text(1000), { maxItems: 20 })) });
export const DeliverBody = Type.Object({ ...Version, method: StringEnum(DELIVERY_METHODS), recipient: Text(100) });
export const WithdrawBody = Type.Object({ ...Version, reason: Text(1000) });
export const CaseListQuery = Type.Object({ state: Type.Optional(Type.String({ maxLength: 30 })), q: Type.Optional(Type.String({ maxLength: 100 })), page: Type.Integer({ minimum: 1, maximum: 100000, default: 1 }), pageSize: Type.Integer({ minimum: 1, maximum: 200, default: 20 }) });
export const InquiryBody = Type.Object({ personName: Text(100), contact: Type.Optional(Type.String({ maxLength: 100 })), question: Text(2000), itemId: Type.Optional(Id) });
