import fs from 'node:fs';
import path from 'node:path';
import { fail, openRuntime } from './runtime.js';

/** SQLite's online backup: consistent while the server keeps running. PostgreSQL has pg_dump for this. */
export async function backup(dest: string) {
  const { database } = await openRuntime();
  try {
    if (database.dialect !== 'sqlite' || !database.sqlite) {
      fail(
        'backup copies the embedded SQLite database; on PostgreSQL use pg_dump (e.g. pg_dump -Fc "$DATABASE_URL" > onewindow.dump)',
        2,
      );
    }
    const target = path.resolve(dest);
    if (fs.existsSync(target)) fail(`${target} exists; choose a new file`, 2);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    await database.sqlite.backup(target, {
      progress: ({ totalPages, remainingPages }) => {
        process.stderr.write(`backup: ${totalPages - remainingPages}/${totalPages} pages\n`);
        return 200;
      },
    });
    process.stdout.write(`backup written to ${target} (${fs.statSync(target).size} bytes)\n`);
  } finally {
    await database.close();
  }
}
