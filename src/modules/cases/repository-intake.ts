import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { prepared } from '../../db/prepared.js';

type Q = Kysely<Database>;

// Every submission runs these, so each is built once and rerun (db/prepared.ts).
const idempotencyKey = prepared((db, scope: string, key: string) =>
  db.selectFrom('idempotency_keys').selectAll().where('scope', '=', scope).where('key', '=', key),
);
const applicantUser = prepared((db, id: string) =>
  db
    .selectFrom('users')
    .select(['id', 'applicant_kind', 'display_name', 'id_number', 'credit_code', 'phone', 'email'])
    .where('id', '=', id),
);
const leadDepartment = prepared((db, id: string) =>
  db
    .selectFrom('departments')
    .select(['id', 'name', 'windows', 'phone', 'complaint_phone'])
    .where('id', '=', id),
);

/** The submission an Idempotency-Key already stands for, if any. */
export const findIdempotencyKey = async (db: Q, scope: string, key: string) =>
  (await idempotencyKey(db, scope, key))[0];

/** What an applicant's account says about them, for an online application. */
export const findApplicantAccount = async (db: Q, userId: string) => (await applicantUser(db, userId))[0];

/** What the documents of a case need of its lead department. */
export const findLeadDepartment = async (db: Q, id: string) => (await leadDepartment(db, id))[0];
