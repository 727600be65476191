import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../config/config.js';
import { assertValidKey } from '../modules/documents/storage.js';
import { fail } from './runtime.js';
import {
  copyBlob,
  DB_FILE,
  MANIFEST,
  sha256File,
  syncDirectory,
  type BackupManifest,
} from './backup-files.js';

function readManifest(src: string): BackupManifest {
  let m: BackupManifest;
  try {
    m = JSON.parse(fs.readFileSync(path.join(src, MANIFEST), 'utf8')) as BackupManifest;
  } catch (e) {
    return fail(`${src} is not a backup made by onewindow backup: ${(e as Error).message}`, 2);
  }
  if (m.format !== 'onewindow.backup' || m.formatVersion !== 1 || !Array.isArray(m.blobs))
    fail(`${path.join(src, MANIFEST)} is not a onewindow backup manifest (format ${String(m.format)})`, 2);
  return m;
}

/**
 * `onewindow restore SRC`: puts a backup back into DATA_DIR, which must be empty (nothing is ever
 * overwritten). Every file is checked against the SHA-256 in the manifest before it is placed; the
 * database goes last, so a DATA_DIR with a database in it always has its files. On PostgreSQL only
 * the files are restored: the database comes back with pg_restore.
 */
export function restore(src: string) {
  const config = loadConfig(process.env);
  const from = path.resolve(src);
  const m = readManifest(from);
  const dataDir = config.dataDir;
  if (fs.existsSync(dataDir) && fs.readdirSync(dataDir).length)
    fail(`DATA_DIR ${dataDir} is not empty; restore only into an empty (or new) directory`, 2);
  const onPostgres = !!config.databaseUrl;
  if (!onPostgres && !m.databaseFile)
    fail(
      'this backup holds no database (it was taken on PostgreSQL): set DATABASE_URL and pg_restore its dump',
      2,
    );
  fs.mkdirSync(dataDir, { recursive: true });
  const blobs = path.join(dataDir, 'blobs');
  let bytes = 0;
  for (const [i, b] of m.blobs.entries()) {
    assertValidKey(b.key);
    const got = copyBlob(path.join(from, 'blobs'), blobs, b.key, b.sha256);
    if (got === 'missing')
      fail(`the backup lacks ${b.key}, which its manifest lists; nothing more was restored`);
    if (got === 'corrupt')
      fail(`${b.key} in the backup does not match its SHA-256; nothing more was restored`);
    bytes += got.size;
    if ((i + 1) % 500 === 0 || i + 1 === m.blobs.length)
      process.stderr.write(`restore: files ${i + 1}/${m.blobs.length}\n`);
  }
  if (!onPostgres && m.databaseFile) {
    const copy = path.join(from, m.databaseFile.name);
    if (sha256File(copy) !== m.databaseFile.sha256)
      fail(`${copy} does not match its SHA-256 in the manifest; the database was not restored`);
    const temp = path.join(dataDir, `${DB_FILE}.partial`);
    fs.copyFileSync(copy, temp, fs.constants.COPYFILE_EXCL);
    const fd = fs.openSync(temp, 'r+');
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fs.renameSync(temp, path.join(dataDir, DB_FILE));
    syncDirectory(dataDir);
  }
  process.stdout.write(
    `restored into ${dataDir}: ${m.databaseFile && !onPostgres ? 'the database and ' : ''}${m.blobs.length} files (${bytes} bytes), each checked by SHA-256 (backup of ${m.createdAt})\n`,
  );
  if (onPostgres)
    process.stdout.write(
      `the database is restored separately: pg_restore --clean --if-exists -d "$DATABASE_URL" onewindow.dump\n`,
    );
  if (m.missing.length || m.corrupt.length)
    process.stderr.write(
      `the backup was incomplete: ${m.missing.length + m.corrupt.length} files were not in it (${MANIFEST} lists them); they answer 410\n`,
    );
}
