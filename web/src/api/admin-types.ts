import type {
  Channel,
  FeeCategory,
  FeeRule,
  HandlingClass,
  ItemType,
  LegalBasis,
  Level,
  Material,
  PaymentPoint,
  SpecialDay,
  SpecialProcedure,
} from './types';

/** What POST /admin/items and PUT /admin/items/{id}/draft take (one item version). */
export interface ItemInput {
  code: string;
  name: string;
  type: ItemType;
  level: Level;
  departmentCode: string;
  implementingBody: string;
  lifeEvents: string[];
  keywords: string[];
  legalBasis: LegalBasis[];
  conditions: string[];
  materials: Material[];
  procedure: { step: string; description: string }[];
  specialProcedures: SpecialProcedure[];
  statutoryDays: number;
  committedDays: number;
  handlingClass: HandlingClass;
  fees: { feeCode: string; note?: string }[];
  paymentPoint: PaymentPoint;
  place: string;
  window: string;
  hours: string;
  consultPhone: string;
  complaintPhone: string;
  onlineUrl?: string;
  channels: Channel[];
  maxVisits: number;
  responsibleLeader: string;
  commitment: string;
  resultName: string;
}

export interface ItemVersions {
  item: {
    id: string;
    code: string;
    status: string;
    version: number;
    currentVersionId: string | null;
    latestVersionNo: number;
  };
  versions: {
    id: string;
    no: number;
    status: string;
    name: string;
    createdAt: string;
    createdBy: string | null;
    publishedAt: string | null;
    publishedBy: string | null;
  }[];
}

export interface DepartmentInput {
  code: string;
  name: string;
  shortName: string;
  creditCode: string;
  leader: string;
  leaderTitle: string;
  phone: string;
  complaintPhone: string;
  windows: string[];
  hours: string;
  address: string;
}

export interface FeeInput {
  code: string;
  name: string;
  departmentCode: string;
  category: FeeCategory;
  basis: string;
  standard: string;
  management: string;
  rule: FeeRule;
}

export interface Synonym {
  term: string;
  synonyms: string[];
}

export interface CalendarProposal {
  id: string;
  year: number;
  source: string;
  status: 'pending' | 'confirmed' | 'rejected';
  proposedBy: string | null;
  proposedAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
  decisionNote: string | null;
  days: SpecialDay[];
  diff: { added: SpecialDay[]; removed: SpecialDay[]; changed: { before: SpecialDay; after: SpecialDay }[] };
}

export type ProposalInput =
  | { format: 'holiday-cn'; content: unknown; source: string }
  | { format: 'ranges'; year: number; content: string; source: string };

export interface ImportReport {
  departments: { created: number; updated: number };
  fees: { created: number; updated: number };
  items: { created: number; newVersions: number; unchanged: number };
  synonyms: number;
}

export interface UserInput {
  username: string;
  displayName: string;
  role: string;
  departmentId?: string | null;
  password: string;
  phone?: string;
  email?: string;
}

export interface UserPatch {
  version: number;
  displayName?: string;
  role?: string;
  departmentId?: string | null;
  status?: 'active' | 'disabled';
  password?: string;
  unlock?: boolean;
}
