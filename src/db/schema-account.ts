/** An ISO-8601 UTC timestamp (see schema.ts). */
type Ts = string;

// The applicant's account (0025-account): password resets, profiles, the catalogue's blank forms.

/** A one-time code sent to reset a forgotten password; only its hash is kept. */
export interface PasswordResetTable {
  id: string;
  user_id: string;
  /** 'sms' or 'email': where the code went. */
  channel: string;
  address: string;
  code_hash: string;
  attempts: number;
  expires_at: Ts;
  used_at: Ts | null;
  created_at: Ts;
}

/** What an applicant keeps beyond the account to prefill application forms with. */
export interface ApplicantProfileTable {
  user_id: string;
  address: string | null;
  contact_name: string | null;
  updated_at: Ts;
}

/** An upload made for the catalogue (a material's blank form or sample): public once an item version names it. */
export interface CatalogueFileTable {
  file_id: string;
  department_id: string | null;
  uploaded_by: string | null;
  uploaded_at: Ts;
}

export interface AccountTables {
  password_resets: PasswordResetTable;
  applicant_profiles: ApplicantProfileTable;
  catalogue_files: CatalogueFileTable;
}
