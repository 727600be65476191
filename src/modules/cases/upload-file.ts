import { fileTypeFromBuffer } from 'file-type';
import type { Db } from '../../db/database.js';
import type { Clock } from '../../shared/clock.js';
import type { Actor } from '../../shared/actor.js';
import { newId, sha256 } from '../../shared/ids.js';
import { audited } from '../audit/audited-transaction.js';
import { AppError } from '../../server/errors.js';
import { authorize } from '../../shared/policy.js';
import { casePolicy } from './policy.js';
import type { BlobStorage } from '../documents/storage.js';
import { insertFile } from './repository-files.js';

export const MAX_FILE_BYTES = 20 * 1024 * 1024;
/** What a material may be, judged from the bytes themselves, never from the file name. */
export const ALLOWED_TYPES = new Map([
  ['application/pdf', 'pdf'],
  ['image/jpeg', 'jpg'],
  ['image/png', 'png'],
]);

/**
 * Checks a material file by its bytes (not empty, not too large, PDF, JPEG or PNG) and stores it by
 * content; shared with every other upload of the public (complaint attachments), so one rule holds.
 */
export async function checkAndStoreMaterial(storage: BlobStorage, data: Buffer) {
  if (data.length === 0)
    throw new AppError('validation_failed', { summary: 'file' }, [
      { path: '/file', code: 'empty', zh: '文件为空', en: 'The file is empty' },
    ]);
  if (data.length > MAX_FILE_BYTES) throw new AppError('payload_too_large');
  const sniffed = await fileTypeFromBuffer(data);
  if (!sniffed || !ALLOWED_TYPES.has(sniffed.mime)) {
    throw new AppError('unsupported_media_type', {
      type: `${sniffed?.mime ?? 'unknown'} (PDF, JPEG or PNG only / 仅限 PDF、JPEG、PNG)`,
    });
  }
  const hash = sha256(data);
  const key = `files/${hash.slice(0, 2)}/${hash}.${ALLOWED_TYPES.get(sniffed.mime)}`;
  if (!(await storage.exists(key))) await storage.put(key, data);
  return { sha256: hash, key, mime: sniffed.mime, size: data.length };
}

/** Stores an uploaded material file for the uploader; it is attached to a case when submitted. */
export async function uploadFile(
  db: Db,
  clock: Clock,
  storage: BlobStorage,
  actor: Actor,
  input: { name: string; data: Buffer },
) {
  authorize(actor, casePolicy.uploadFile, undefined, 'file.upload');
  const { sha256: hash, key, mime } = await checkAndStoreMaterial(storage, input.data);
  return audited(db, clock, actor, async (uow) => {
    const id = newId(uow.now.getTime());
    const name = input.name.replace(/[\\/\0]/g, '_').slice(0, 200) || 'file';
    await insertFile(uow.db, {
      id,
      sha256: hash,
      size: input.data.length,
      mime,
      original_name: name,
      storage_key: key,
      owner_user_id: actor.id,
      case_id: null,
      uploaded_at: uow.nowIso,
    });
    await uow.audit({
      action: 'file.uploaded',
      entityType: 'file',
      entityId: id,
      data: { sha256: hash, size: input.data.length, mime },
    });
    return { id, sha256: hash, size: input.data.length, mime, name };
  });
}
