import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { systemClock } from '../shared/clock.js';
import { openDatabase, type Db } from '../db/database.js';
import { blobReferences } from '../modules/cases/case-reads.js';
import { assertValidKey } from '../modules/documents/storage.js';
import { fail, openRuntime } from './runtime.js';
import {
  copyBlob,
  DB_FILE,
  MANIFEST,
  sha256File,
  syncDirectory,
  writeDurably,
  type BackupManifest,
} from './backup-files.js';

/**
 * `onewindow backup DEST`: a new directory with the database and every stored file it names.
 * SQLite is copied first, online (consistent while the server keeps running); then the files the
 * copy names are copied and checked against their SHA-256. Files are content-addressed and never
 * change, so copying them after the snapshot gives exactly what it needs. On PostgreSQL pg_dump
 * keeps the database, and this keeps the files: taken after the dump, they cover everything it names.
 * The directory appears under its name only when complete.
 */
export async function backup(dest: string) {
  const target = path.resolve(dest);
  if (fs.existsSync(target)) fail(`${target} exists; choose a new directory`, 2);
  const { config, database } = await openRuntime();
  let open = true;
  const closeLive = async () => {
    if (open) await database.close();
    open = false;
  };
  const work = `${target}.partial-${randomBytes(4).toString('hex')}`;
  fs.mkdirSync(work, { recursive: true });
  let copy: { db: Db; close: () => Promise<void> } | undefined;
  try {
    let databaseFile: BackupManifest['databaseFile'] = null;
    let refs: { key: string; sha256: string }[];
    if (database.dialect === 'sqlite' && database.sqlite) {
      const file = path.join(work, DB_FILE);
      await database.sqlite.backup(file, {
        progress: ({ totalPages, remainingPages }) => {
          process.stderr.write(`backup: database ${totalPages - remainingPages}/${totalPages} pages\n`);
          return 200;
        },
      });
      await closeLive();
      // The files the copy names, read from the copy itself (a plain connection, no WAL files left).
      copy = openDatabase({ sqliteFile: file, reader: false, checkpoints: 'elsewhere' });
      refs = await blobReferences(copy.db);
      await copy.close();
      copy = undefined;
      databaseFile = { name: DB_FILE, sha256: sha256File(file), size: fs.statSync(file).size };
    } else {
      refs = await blobReferences(database.db);
      await closeLive();
    }
    const from = path.join(config.dataDir, 'blobs');
    const manifest: BackupManifest = {
      format: 'onewindow.backup',
      formatVersion: 1,
      createdAt: systemClock.now().toISOString(),
      database: database.dialect,
      databaseFile,
      blobs: [],
      missing: [],
      corrupt: [],
    };
    let bytes = 0;
    for (const [i, r] of refs.entries()) {
      assertValidKey(r.key);
      const got = copyBlob(from, path.join(work, 'blobs'), r.key, r.sha256);
      if (got === 'missing') manifest.missing.push(r.key);
      else if (got === 'corrupt') manifest.corrupt.push(r.key);
      else {
        manifest.blobs.push({ key: r.key, sha256: r.sha256, size: got.size });
        bytes += got.size;
      }
      if ((i + 1) % 500 === 0 || i + 1 === refs.length)
        process.stderr.write(`backup: files ${i + 1}/${refs.length}\n`);
    }
    writeDurably(path.join(work, MANIFEST), Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`));
    fs.renameSync(work, target);
    syncDirectory(path.dirname(target));
    process.stdout.write(
      `backup written to ${target}: ${databaseFile ? `database ${databaseFile.size} bytes, ` : ''}` +
        `${manifest.blobs.length} files (${bytes} bytes), each checked by SHA-256\n`,
    );
    if (database.dialect === 'postgres')
      process.stdout.write(
        `the database is not in it: keep a pg_dump taken BEFORE this backup beside it, e.g.\n` +
          `  pg_dump -Fc "$DATABASE_URL" > ${path.join(target, 'onewindow.dump')}\n`,
      );
    for (const k of manifest.missing) process.stderr.write(`MISSING from ${from}: ${k}\n`);
    for (const k of manifest.corrupt)
      process.stderr.write(`CORRUPT (bytes do not match their SHA-256): ${k}\n`);
    if (manifest.missing.length || manifest.corrupt.length) {
      process.stderr.write(
        `backup incomplete: ${manifest.missing.length} missing and ${manifest.corrupt.length} corrupt files (listed in ${MANIFEST}); they answer 410 after a restore\n`,
      );
      process.exitCode = 1;
    }
  } catch (e) {
    await copy?.close();
    fs.rmSync(work, { recursive: true, force: true });
    throw e;
  } finally {
    await closeLive();
  }
}
