import { http } from './http';
import type { Explanation } from './types';

/**
 * Case tracking (办件查询) and bundles (一件事) come with the case API. Their pages call these
 * routes and say the service is coming when the API answers 404 route_not_found.
 */
export const servicesApi = {
  bundles: (signal?: AbortSignal) => http.get<{ items: Bundle[] }>('/bundles', undefined, signal),
  track: (receiptNo: string, code: string, signal?: AbortSignal) =>
    http.get<Tracking>(`/track/${encodeURIComponent(receiptNo)}`, { code }, signal),
};

export interface Bundle {
  id: string;
  code: string;
  name: string;
  description: string;
  committedDays: number;
  itemCount?: number;
  keywords?: string[];
}

/** The public tracking snapshot; read defensively, as the case API is new. */
export interface TrackedFees {
  /** The latest forms (at most 50), oldest first. */
  forms: {
    number: string;
    item: string | null;
    status: string;
    chargedFen: number;
    waivedFen: number;
    paidFen: number;
    outstandingFen: number;
    refundedFen: number;
    dueDate: string;
    settledAt: string | null;
  }[];
  formCount: number;
  chargedFen: number;
  paidFen: number;
  outstandingFen: number;
  refundedFen: number;
}

export interface Tracking {
  receiptNo: string;
  title: string;
  state: string;
  stage?: { zh: string; en: string };
  colour?: string | null;
  applicant?: { name: string; id: string };
  items?: { name: string; versionNo: number; role: string; department: string | null }[];
  leadDepartment?: { name: string; windows: string[]; phone: string; complaintPhone: string } | null;
  window?: string | null;
  place?: string | null;
  submittedAt?: string | null;
  acceptanceDate?: string | null;
  departments?: {
    department: string | null;
    state: string;
    decision: string | null;
    dueDate: string | null;
  }[];
  deadline?: {
    dueDate: string;
    provisional: boolean;
    committedDays: number;
    explanation?: Explanation[];
  } | null;
  predictedCompletion?: string | null;
  result?: { decision: string; decidedAt: string | null; completedAt: string | null } | null;
  documents?: { kind: string; number: string; issuedAt: string }[];
  /** The case's payment forms and totals; null when none was issued (after src/modules/fees/fee-summary.ts). */
  fees?: TrackedFees | null;
  checkedAt?: string;
  latestHash?: string | null;
}
