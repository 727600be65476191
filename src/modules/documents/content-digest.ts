import { createHash } from 'node:crypto';
import type { DocumentContent } from './document-types.js';

/**
 * SHA-256 of the content with keys sorted, so equal content gives an equal digest however built.
 * Fixed in the transaction that issues a document, and written into its PDF (Keywords), so the
 * rendered file can be checked against what was issued. Pure: no PDF stack loaded.
 */
export function contentDigest(content: DocumentContent): string {
  return createHash('sha256').update(canonicalJson(content)).digest('hex');
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
