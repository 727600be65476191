/**
 * A render thread (render-pool.ts): composes and renders the documents it is sent, one at a time.
 * The PDF stack and the fonts load at its first document and stay for its life, so parsing the
 * fonts is paid once per thread; each document embeds its own subset.
 */
import { parentPort } from 'node:worker_threads';
import type { DocumentInput } from './document-types.js';
import { renderDocument } from './render-pdf.js';
import { contentDigest } from './content-digest.js';

export interface RenderRequest {
  id: number;
  input: DocumentInput;
}
export type RenderReply =
  | { id: number; ok: true; pdf: Uint8Array; sha256: string; contentSha256: string }
  | { id: number; ok: false; message: string };

const port = parentPort!;
port.on('message', (m: RenderRequest) => {
  renderDocument(m.input).then(
    ({ content, pdf, sha256 }) => {
      const bytes = new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
      const reply: RenderReply = {
        id: m.id,
        ok: true,
        pdf: bytes,
        sha256,
        contentSha256: contentDigest(content),
      };
      port.postMessage(
        reply,
        pdf.byteOffset === 0 && pdf.byteLength === pdf.buffer.byteLength ? [pdf.buffer as ArrayBuffer] : [],
      );
    },
    (e: unknown) => {
      const reply: RenderReply = { id: m.id, ok: false, message: e instanceof Error ? e.message : String(e) };
      port.postMessage(reply);
    },
  );
});
