import { fileTypeFromBuffer } from 'file-type';
import { sha256 } from '../../shared/ids.js';
import { AppError } from '../../server/errors.js';
import type { BlobStorage } from '../documents/storage.js';

export const MAX_FILE_BYTES = 20 * 1024 * 1024;
/** What a material may be, judged from the bytes themselves, never from the file name. */
export const ALLOWED_TYPES = new Map([
  ['application/pdf', 'pdf'],
  ['image/jpeg', 'jpg'],
  ['image/png', 'png'],
]);

export interface CheckedFile {
  sha256: string;
  size: number;
  mime: string;
  /** The name given, made safe to store and to send back in a header. */
  name: string;
  storageKey: string;
}

/**
 * Checks an uploaded file (not empty, not too large, a PDF, JPEG or PNG by its content) and stores
 * it by its SHA-256. Used for case materials and for anything else scanned in (a letter's original),
 * so every upload passes the same check. Storing comes before the caller's transaction: a rolled-back
 * one leaves at most an unreferenced blob.
 */
export async function storeCheckedUpload(
  storage: BlobStorage,
  input: { name: string; data: Buffer },
): Promise<CheckedFile> {
  if (input.data.length === 0)
    throw new AppError('validation_failed', { summary: 'file' }, [
      { path: '/file', code: 'empty', zh: '文件为空', en: 'The file is empty' },
    ]);
  if (input.data.length > MAX_FILE_BYTES) throw new AppError('payload_too_large');
  const sniffed = await fileTypeFromBuffer(input.data);
  if (!sniffed || !ALLOWED_TYPES.has(sniffed.mime)) {
    throw new AppError('unsupported_media_type', {
      type: `${sniffed?.mime ?? 'unknown'} (PDF, JPEG or PNG only / 仅限 PDF、JPEG、PNG)`,
    });
  }
  const hash = sha256(input.data);
  const key = `files/${hash.slice(0, 2)}/${hash}.${ALLOWED_TYPES.get(sniffed.mime)}`;
  if (!(await storage.exists(key))) await storage.put(key, input.data);
  const name = input.name.replace(/[\\/\0]/g, '_').slice(0, 200) || 'file';
  return { sha256: hash, size: input.data.length, mime: sniffed.mime, name, storageKey: key };
}
