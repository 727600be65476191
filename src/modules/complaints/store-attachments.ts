import { AppError } from '../../server/errors.js';
import { storeCheckedUpload } from '../cases/file-check.js';
import type { BlobStorage } from '../documents/storage.js';

export interface StoredAttachment {
  name: string;
  sha256: string;
  key: string;
  mime: string;
  size: number;
}

/**
 * Checks each attachment by its bytes exactly as a case material is checked (one shared function)
 * and stores it by content, before the ticket's transaction opens.
 */
export async function storeAttachments(
  storage: BlobStorage,
  attachments: readonly { name: string; contentBase64: string }[],
): Promise<StoredAttachment[]> {
  const out: StoredAttachment[] = [];
  for (const [i, a] of attachments.entries()) {
    const data = Buffer.from(a.contentBase64, 'base64');
    try {
      const f = await storeCheckedUpload(storage, { name: a.name, data });
      out.push({ name: f.name, sha256: f.sha256, key: f.storageKey, mime: f.mime, size: f.size });
    } catch (e) {
      if (e instanceof AppError && e.code === 'validation_failed')
        throw new AppError('validation_failed', { summary: `/body/attachments/${i}` }, [
          { path: `/body/attachments/${i}`, code: 'empty', zh: '附件为空', en: 'The attachment is empty' },
        ]);
      throw e;
    }
  }
  return out;
}
