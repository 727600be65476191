// Where issued documents live. Keys are relative, slash-separated paths such as
// documents/2026/ab/abcdef….pdf; the same key always means the same bytes in practice because the
// name is the content hash, but put() replaces atomically either way.

import { randomUUID } from 'node:crypto';
import { mkdir, open, readFile, rename, stat, unlink } from 'node:fs/promises';
import path from 'node:path';

export interface BlobStorage {
  put(key: string, data: Buffer): Promise<void>;
  get(key: string): Promise<Buffer>;
  exists(key: string): Promise<boolean>;
}

export class BlobNotFoundError extends Error {
  constructor(readonly key: string) {
    super(`blob not found: ${key}`);
    this.name = 'BlobNotFoundError';
  }
}

const KEY = /^[A-Za-z0-9_.-]+(\/[A-Za-z0-9_.-]+)*$/;

/** Throws unless key is a relative path of [A-Za-z0-9/_.-] with no empty, "." or ".." segments. */
export function assertValidKey(key: string): void {
  if (typeof key !== 'string' || key.length === 0 || key.length > 512)
    throw new Error('invalid blob key: must be 1-512 characters');
  if (!KEY.test(key))
    throw new Error(
      `invalid blob key ${JSON.stringify(key)}: only A-Z a-z 0-9 / _ . - in relative, non-empty segments`,
    );
  if (key.includes('..') || key.split('/').includes('.'))
    throw new Error(`invalid blob key ${JSON.stringify(key)}: "." and ".." are not allowed`);
}

/** documents/2026/ab/ab12….pdf for a document issued in 2026 whose SHA-256 is ab12…. */
export function documentKey(year: number, sha256: string): string {
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error('documentKey: sha256 must be 64 lowercase hex digits');
  if (!Number.isInteger(year) || year < 1000 || year > 9999)
    throw new Error('documentKey: year must have four digits');
  return `documents/${year}/${sha256.slice(0, 2)}/${sha256}.pdf`;
}

export class MemoryStorage implements BlobStorage {
  private readonly blobs = new Map<string, Buffer>();

  async put(key: string, data: Buffer): Promise<void> {
    assertValidKey(key);
    this.blobs.set(key, Buffer.from(data));
  }

  async get(key: string): Promise<Buffer> {
    assertValidKey(key);
    const blob = this.blobs.get(key);
    if (!blob) throw new BlobNotFoundError(key);
    return Buffer.from(blob);
  }

  async exists(key: string): Promise<boolean> {
    assertValidKey(key);
    return this.blobs.has(key);
  }

  keys(): string[] {
    return [...this.blobs.keys()].sort();
  }
}

export class FileSystemStorage implements BlobStorage {
  private readonly root: string;

  constructor(rootDir: string) {
    this.root = path.resolve(rootDir);
  }

  private pathOf(key: string): string {
    assertValidKey(key);
    const file = path.resolve(this.root, key);
    if (!file.startsWith(this.root + path.sep))
      throw new Error(`invalid blob key ${JSON.stringify(key)}: escapes the storage root`);
    return file;
  }

  /** Write to a temporary file in the same directory, fsync, rename over the key, fsync the directory. */
  async put(key: string, data: Buffer): Promise<void> {
    const file = this.pathOf(key);
    const dir = path.dirname(file);
    await mkdir(dir, { recursive: true });
    const temp = path.join(dir, `.${path.basename(file)}.${randomUUID()}.tmp`);
    try {
      const handle = await open(temp, 'wx', 0o644);
      try {
        await handle.writeFile(data);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(temp, file);
    } catch (err) {
      await unlink(temp).catch(() => undefined);
      throw err;
    }
    await syncDirectory(dir);
  }

  async get(key: string): Promise<Buffer> {
    try {
      return await readFile(this.pathOf(key));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new BlobNotFoundError(key);
      throw err;
    }
  }

  async exists(key: string): Promise<boolean> {
    try {
      return (await stat(this.pathOf(key))).isFile();
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') return false;
      throw err;
    }
  }
}

/** Makes the rename durable; some platforms cannot open a directory, and then there is nothing to do. */
async function syncDirectory(dir: string): Promise<void> {
  let handle;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch {
    // EISDIR/EPERM on platforms without directory fsync
  } finally {
    await handle?.close();
  }
}
