// What `onewindow backup` writes and `onewindow restore` reads: a directory holding the database
// (SQLite), the stored files under blobs/ as in DATA_DIR, and manifest.json listing each with its
// SHA-256, so a restore checks every byte it puts back.

import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export const MANIFEST = 'manifest.json';
export const DB_FILE = 'onewindow.db';

export interface BackupManifest {
  format: 'onewindow.backup';
  formatVersion: 1;
  createdAt: string;
  database: 'sqlite' | 'postgres';
  /** The SQLite copy's file name in the backup and its SHA-256; null on PostgreSQL (pg_dump keeps it). */
  databaseFile: { name: string; sha256: string; size: number } | null;
  blobs: { key: string; sha256: string; size: number }[];
  /** Files the database names that were not in DATA_DIR/blobs, or whose bytes had another hash. */
  missing: string[];
  corrupt: string[];
}

export function sha256File(file: string): string {
  const h = createHash('sha256');
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.allocUnsafe(1 << 20);
    for (let n; (n = fs.readSync(fd, buf, 0, buf.length, null)) > 0;) h.update(buf.subarray(0, n));
  } finally {
    fs.closeSync(fd);
  }
  return h.digest('hex');
}

/** Writes bytes durably: to a temporary name, fsync, rename, as the blob store itself does. */
export function writeDurably(file: string, data: Buffer): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.partial`;
  const fd = fs.openSync(temp, 'wx');
  try {
    fs.writeSync(fd, data);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(temp, file);
  syncDirectory(path.dirname(file));
}

/** Makes a rename in the directory durable; where a directory cannot be opened there is nothing to do. */
export function syncDirectory(dir: string): void {
  try {
    const fd = fs.openSync(dir, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    // EISDIR/EPERM on platforms without directory fsync
  }
}

/** Copies one stored file, checking its bytes against the hash the database gives it. */
export function copyBlob(
  fromRoot: string,
  toRoot: string,
  key: string,
  sha256: string,
): { size: number } | 'missing' | 'corrupt' {
  let data: Buffer;
  try {
    data = fs.readFileSync(path.join(fromRoot, ...key.split('/')));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
    throw e;
  }
  if (createHash('sha256').update(data).digest('hex') !== sha256) return 'corrupt';
  writeDurably(path.join(toRoot, ...key.split('/')), data);
  return { size: data.length };
}
