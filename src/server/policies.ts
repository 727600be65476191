import { cataloguePolicy } from '../modules/catalogue/policy.js';
import { identityPolicy } from '../modules/identity/policy.js';
import { auditPolicy } from '../modules/audit/policy.js';
import { feePolicy } from '../modules/fees/policy.js';
import { clockPolicy } from '../modules/clock/policy.js';
import { supervisionPolicy } from '../modules/supervision/policy.js';
import { notificationPolicy } from '../modules/notifications/policy.js';
import { casePolicy } from '../modules/cases/policy.js';
import { letterPolicy } from '../modules/letters/policy.js';
import { complaintPolicy } from '../modules/complaints/policy.js';
import { inspectionPolicy } from '../modules/inspections/policy.js';
import { hallPolicy } from '../modules/hall/policy.js';
import { commitmentPolicy } from '../modules/commitments/policy.js';
import { selfInspectionPolicy } from '../modules/self-inspection/policy.js';
import { feeReviewPolicy } from '../modules/fee-review/policy.js';
import { learningPolicy } from '../modules/learning/policy.js';
import { ratingPolicy } from '../modules/ratings/policy.js';
import { appraisalPolicy } from '../modules/appraisal/policy.js';
import { disclosurePolicy } from '../modules/disclosure/policy.js';
import { assessmentPolicy } from '../modules/assessment/policy.js';

/**
 * Every module's policy, by name: the one list the routes' declarations (route-policies.ts) and the
 * authorization matrix (shared/policy-matrix.test.ts) both read. A new module's policy goes here.
 */
export const POLICIES = {
  cataloguePolicy,
  identityPolicy,
  auditPolicy,
  feePolicy,
  clockPolicy,
  supervisionPolicy,
  notificationPolicy,
  casePolicy,
  letterPolicy,
  complaintPolicy,
  inspectionPolicy,
  hallPolicy,
  commitmentPolicy,
  selfInspectionPolicy,
  feeReviewPolicy,
  learningPolicy,
  ratingPolicy,
  appraisalPolicy,
  disclosurePolicy,
  assessmentPolicy,
} as const;
