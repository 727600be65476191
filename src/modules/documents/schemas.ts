import { Type } from '@sinclair/typebox';

/** preparing: issued, its PDF not yet rendered; ready: the PDF is stored; failed: its retries spent (still queued). */
export const DOCUMENT_STATES = ['preparing', 'ready', 'failed'] as const;
export type DocumentState = (typeof DOCUMENT_STATES)[number];
export const DocumentStateT = Type.Union(
  DOCUMENT_STATES.map((s) => Type.Literal(s)),
  {
    description:
      "whether the document's PDF is rendered yet (a download waits for a document being prepared)",
  },
);
