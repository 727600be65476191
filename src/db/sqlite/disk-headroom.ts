import fs from 'node:fs';
import path from 'node:path';

/**
 * The write-ahead log is cut back to this size once it has been checkpointed (journal_size_limit),
 * and a log that grew past it is checkpointed with TRUNCATE, which waits for readers, instead of
 * PASSIVE, which copies what it can and never lets the log start over under steady reads.
 */
export const WAL_LIMIT_BYTES = 64 * 1024 * 1024;

/**
 * Below this much free space on the database's file system the instance is not ready: a commit
 * group's batch, a checkpoint copying the log into the file and the log itself all need room.
 */
export const MIN_FREE_BYTES = 16 * 1024 * 1024;

/** Free bytes for an unprivileged writer on the file system holding the file; Infinity when unknown. */
export function freeBytes(file: string): number {
  try {
    const s = fs.statfsSync(path.dirname(file));
    return s.bavail * s.bsize;
  } catch {
    return Infinity;
  }
}

/** The size of the file's write-ahead log (0 when there is none). */
export function walBytes(file: string): number {
  try {
    return fs.statSync(`${file}-wal`).size;
  } catch {
    return 0;
  }
}

/** Whether this process may write the database file, its log and shared memory, and their folder. */
export function fileWritable(file: string): boolean {
  for (const f of [file, `${file}-wal`, `${file}-shm`, path.dirname(file)]) {
    try {
      fs.accessSync(f, fs.constants.W_OK);
    } catch (e) {
      if ((e as { code?: string }).code !== 'ENOENT') return false;
    }
  }
  return true;
}
