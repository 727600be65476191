// Shapes of the API responses this UI reads, after /api/v1/openapi.json.

export type ItemType =
  | 'licensing'
  | 'confirmation'
  | 'payment'
  | 'adjudication'
  | 'reward'
  | 'filing'
  | 'public_service'
  | 'other';
export type HandlingClass = 'instant' | 'promise' | 'joint';
export type Channel = 'window' | 'online' | 'post' | 'self_service';
export type MaterialForm = 'original' | 'copy' | 'electronic';
export type MaterialSource = 'applicant' | 'agency' | 'window_check' | 'commitment';
export type LegalKind =
  'law' | 'administrative_regulation' | 'local_regulation' | 'rule' | 'normative_document';
export type FeeCategory = 'administrative' | 'fund' | 'service';
export type PaymentPoint = 'none' | 'before_acceptance' | 'before_decision' | 'before_delivery';
export type Level = 'city' | 'county' | 'township';
export type Role = 'applicant' | 'clerk' | 'reviewer' | 'head' | 'supervisor' | 'admin';

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface Summary {
  departments: number;
  licensingItems: number;
  feeAndConvenienceItems: number;
  totalItems: number;
  publishedFees: number;
  byType: Partial<Record<ItemType, number>>;
  byHandlingClass: Partial<Record<HandlingClass, number>>;
}

export interface Department {
  id: string;
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
  version: number;
}

export interface DepartmentRef {
  id: string;
  code: string;
  name: string;
  shortName?: string;
}

export interface ItemSummary {
  id: string;
  code: string;
  name: string;
  type: ItemType;
  handlingClass: HandlingClass;
  versionNo: number;
  department: DepartmentRef | null;
  statutoryDays: number;
  committedDays: number;
  channels: Channel[];
  maxVisits: number;
  charged: boolean;
  lifeEvents: string[];
  resultName: string;
}

export interface SearchHit extends ItemSummary {
  score: number;
  matched: string[];
}

export interface SearchResult {
  query: string;
  terms: string[];
  items: SearchHit[];
  /** 一件事 bundles matching the need, shown above the items. */
  bundles?: { id: string; code: string; name: string; committedDays: number; score: number }[];
}

export type FeeRule =
  | { kind: 'fixed'; amountFen: number }
  | { kind: 'per_unit'; unit: string; unitFen: number; minFen?: number; maxFen?: number }
  | { kind: 'tiered'; unit: string; tiers: { upTo: number | null; unitFen: number }[] };

export interface Material {
  name: string;
  form: MaterialForm;
  copies: number;
  required: boolean;
  deferrable: boolean;
  source: MaterialSource;
  notes?: string;
}

export interface LegalBasis {
  kind: LegalKind;
  title: string;
  articles?: string;
}

export interface SpecialProcedure {
  name: string;
  days: number;
  legalBasis: string;
  charged: boolean;
  counted: boolean;
}

export interface ItemFeeLine {
  feeCode: string;
  note: string | null;
  name: string | null;
  standard: string | null;
  basis: string | null;
  rule: FeeRule | null;
  fixedAmountFen: number | null;
  published: boolean;
}

export interface ItemDetail {
  id: string;
  status: string;
  version: { id: string; no: number; status: string; createdAt: string; publishedAt: string | null };
  department: Department | null;
  code: string;
  name: string;
  type: ItemType;
  level: Level;
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
  fees: ItemFeeLine[];
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

export interface Fee {
  id: string;
  code: string;
  name: string;
  category: FeeCategory;
  department: DepartmentRef | null;
  basis: string;
  standard: string;
  management: string;
  rule: FeeRule;
  fixedAmountFen: number | null;
  status: string;
  version: number;
}

export interface Explanation {
  code: string;
  zh: string;
  en: string;
  data: Record<string, unknown>;
}

export interface Deadline {
  from: string;
  workdays: number;
  due: string;
  provisional: boolean;
  explanation: Explanation[];
}

export interface SpecialDay {
  date: string;
  kind: 'holiday' | 'makeup_workday';
  name: string;
  source: string;
}

export interface CalendarYear {
  year: number;
  confirmed: boolean;
  source: string | null;
  workingDays: number;
  days: SpecialDay[];
}

export interface User {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  departmentId: string | null;
  applicantKind: string | null;
  idNumber: string | null;
  creditCode: string | null;
  phone: string | null;
  email: string | null;
  status: string;
  lockedUntil: string | null;
  createdAt: string;
  version: number;
}

export interface Session {
  user: { id: string; username: string; role: Role; departmentId: string | null };
  csrfToken: string;
  expiresAt: string;
}
