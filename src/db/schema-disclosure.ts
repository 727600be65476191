// Disclosure (0022-disclosure): normative documents and village affairs and finance disclosure.
// Timestamps ISO strings, dates YYYY-MM-DD, JSON in text columns, money integer fen inside the JSON.

export interface DiscDocumentTable {
  id: string;
  doc_no: string;
  title: string;
  issuer: string;
  issued_on: string;
  effective_on: string;
  expires_on: string | null;
  status: string;
  amends_id: string | null;
  amended_by_id: string | null;
  repealed_by_id: string | null;
  repealed_on: string | null;
  repeal_reason: string | null;
  body: string;
  interpretation: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface DiscDocumentTermTable {
  document_id: string;
  term: string;
  weight: number;
}

export interface DiscItemLinkTable {
  id: string;
  item_code: string;
  document_id: string;
  basis_title: string | null;
  created_by: string | null;
  created_at: string;
}

export interface DiscVillageTable {
  id: string;
  code: string;
  name: string;
  township: string;
  department_id: string;
  cadence: string;
  due_days: number;
  disclose_from: string;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface DiscStatementTable {
  id: string;
  village_id: string;
  period: string;
  period_start: string;
  period_end: string;
  due_on: string;
  income: string;
  expenditure: string;
  assets: string;
  major_matters: string;
  note: string | null;
  published_at: string;
  published_by: string | null;
}

export interface DiscStatementFileTable {
  id: string;
  statement_id: string;
  name: string;
  mime: string;
  size: number;
  sha256: string;
  storage_key: string;
  uploaded_by: string | null;
  uploaded_at: string;
}

export interface DiscOverduePeriodTable {
  village_id: string;
  period: string;
  due_on: string;
  raised_at: string;
}

/** 0028: the cadence and due days in force from `starts_on` until the village's next term. */
export interface DiscVillageTermTable {
  village_id: string;
  starts_on: string;
  cadence: string;
  due_days: number;
  set_at: string;
  set_by: string | null;
}

export interface DisclosureTables {
  disc_documents: DiscDocumentTable;
  disc_document_terms: DiscDocumentTermTable;
  disc_item_links: DiscItemLinkTable;
  disc_villages: DiscVillageTable;
  disc_statements: DiscStatementTable;
  disc_statement_files: DiscStatementFileTable;
  disc_overdue_periods: DiscOverduePeriodTable;
  disc_village_terms: DiscVillageTermTable;
}
