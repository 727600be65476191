import type { DocumentInput } from './document-types.js';

type Renderer = typeof import('./render-pdf.js');
type Rendered = Awaited<ReturnType<Renderer['renderDocument']>>;

let loading: Promise<Renderer> | undefined;

/**
 * Loads the PDF stack (pdfkit, fontkit, qrcode: about 30 MB resident, about a quarter of a second)
 * once per process, at the first call rather than when the process starts. A process that never
 * renders a document (the intake thread, an HTTP process that only answers the public) never holds
 * it. Case actions await this before their transaction opens, so the load never holds the write lock.
 * A failed load is tried again at the next call.
 */
export function loadRenderer(): Promise<Renderer> {
  loading ??= import('./render-pdf.js').catch((e: unknown) => {
    loading = undefined;
    throw e;
  });
  return loading;
}

/** Renders a document (loading the PDF stack first if this process has not yet). */
export async function renderDocument(input: DocumentInput): Promise<Rendered> {
  return (await loadRenderer()).renderDocument(input);
}
