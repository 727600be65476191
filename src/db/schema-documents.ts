// The documents' render queue (0012-document-renders). Timestamps are ISO strings.

/** One document waiting for its PDF; the row goes when the PDF is stored. */
export interface DocumentRenderTable {
  document_id: string;
  /** Claimable from this instant (a lease while an instance renders it, or the next retry). */
  due_at: string;
  created_at: string;
}

export interface DocumentTables {
  document_renders: DocumentRenderTable;
}
