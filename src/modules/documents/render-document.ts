import type { DocumentInput } from './document-types.js';

type Rendered = Awaited<ReturnType<typeof import('./render-pdf.js').renderDocument>>;

/**
 * Renders a document, loading the PDF stack (pdfkit, fontkit, qrcode: about 30 MB resident) at the
 * first document a process renders rather than when it starts. A process that never renders one —
 * the intake thread, an HTTP process that only answers the public — never holds it. The first
 * document pays the load once (about a quarter of a second).
 */
export async function renderDocument(input: DocumentInput): Promise<Rendered> {
  const { renderDocument: render } = await import('./render-pdf.js');
  return render(input);
}
