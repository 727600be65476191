import type { Actor } from '../../shared/actor.js';
import type { CaseRow } from './repository.js';

/**
 * A new application, checked and with everything read that its write needs but does not have to see
 * inside the write lock. Plain data: the write may run on another thread (src/db/writer-thread.ts).
 */
export interface IntakeJob {
  actor: Actor;
  /** Whose Idempotency-Keys these are. */
  scope: string;
  /** SHA-256 of the request, kept with its Idempotency-Key. */
  requestHash: string;
  checkCode: string;
  form: Record<string, unknown>;
  materials: readonly { name: string; fileId?: string; paper?: boolean }[];
  window: string | null;
  /** Kept as a draft, not submitted. */
  isDraft: boolean;
  idempotencyKey?: string;
  /** The published item versions applied for, in the bundle's order (frozen: the write reads them from its cache). */
  versionIds: readonly string[];
  bundle?: { id: string; name: string; lead_department_id: string; committed_days: number };
  applicant: {
    userId: string | null;
    kind: 'person' | 'enterprise';
    name: string;
    idNumber: string;
    phone: string | null;
    email: string | null;
  };
  lead: { id: string; name: string; windows: string; phone: string; complaint_phone: string };
  /** The lead department's yellow threshold for the acceptance clock (0 for a draft). */
  yellowPct: number;
}

/** What the new case looks like after the commit. */
export type IntakeSummary = Pick<
  CaseRow,
  'id' | 'receipt_no' | 'title' | 'state' | 'channel' | 'version' | 'submitted_at' | 'last_hash'
>;
