import fs from 'node:fs';
import { verifyHistory } from '../modules/cases/verify-history.js';
import { fail } from './runtime.js';

/**
 * `onewindow history verify FILE`: checks a downloaded case history offline, with no database and no
 * network, by the published recipe; exit 0 when every link holds, 1 naming the first broken one.
 */
export function verifyHistoryFile(file: string): void {
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    fail(`cannot read ${file} as JSON: ${(e as Error).message}`, 2);
  }
  const r = verifyHistory(parsed);
  if (r.ok) {
    process.stdout.write(
      `history verify: OK — ${r.events} events, latest hash ${r.latestHash}\n` +
        `read against global head ${r.head.height} ${r.head.hash}` +
        `${r.head.at ? ` (${r.head.at})` : ''}; compare it with GET /api/v1/transparency/head records\n`,
    );
    return;
  }
  process.stdout.write(`history verify: BROKEN at ${r.reason}\n`);
  process.exitCode = 1;
}
