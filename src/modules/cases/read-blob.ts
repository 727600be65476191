import { AppError } from '../../server/errors.js';
import { BlobNotFoundError, type BlobStorage } from '../documents/storage.js';

/**
 * A stored file's bytes, or a 410 naming what is missing: its record is there and its content is not
 * (lost, or a restore without the blobs), which is neither the client's error nor a crash.
 */
export async function readBlob(
  storage: BlobStorage,
  key: string,
  resource: 'document' | 'file',
  id: string,
): Promise<Buffer> {
  try {
    return await storage.get(key);
  } catch (e) {
    if (e instanceof BlobNotFoundError) throw new AppError('blob_missing', { resource, id });
    throw e;
  }
}
