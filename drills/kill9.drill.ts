/**
 * kill -9 under idempotent submission load, in rounds: the server (and every process it forked) is
 * killed while submissions are in flight, started again on the same data, and the clients send
 * again what they never heard back about, with the same Idempotency-Key. Afterwards the database
 * must hold every acknowledged case (lost 0) and no submission twice (duplicated 0).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Drill } from './drill.js';
import { pgQuery, pgReachable, startServer } from '../bench/server-process.js';
import { casesByKey, loop, newSubmitter, submit, tally, target } from './submissions.js';

const ROUNDS = 3;
const LOAD_MS = 3000;
const CONCURRENCY = 32;

interface Setup {
  name: string;
  dialect: 'sqlite' | 'postgres';
  env: Record<string, string>;
}

async function trial(setup: Setup, log: (line: string) => void) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ow-drill-kill9-'));
  const pgSchema = setup.dialect === 'postgres' ? `drill_${randomBytes(4).toString('hex')}` : undefined;
  if (pgSchema) await pgQuery(`create schema ${pgSchema}`);
  const prefix = `k9${randomBytes(3).toString('hex')}`;
  const s = newSubmitter();
  let resent = 0;
  try {
    for (let round = 1; round <= ROUNDS + 1; round++) {
      const srv = await startServer(setup.dialect, setup.env, { dataDir, pgSchema });
      const t = await target(srv.port);
      // What the clients never heard back about, sent again with the same key.
      for (const key of [...s.unknown]) {
        await submit(t, key, s);
        resent++;
      }
      if (round > ROUNDS) {
        // Acknowledged keys sent again must name the same case.
        for (const key of [...s.acknowledged.keys()].slice(0, 50)) await submit(t, key, s);
        await srv.stop();
        break;
      }
      const load = loop(() => t, `${prefix}-r${round}`, CONCURRENCY, s);
      await new Promise((r) => setTimeout(r, LOAD_MS));
      await srv.kill();
      await load.stop();
      log(
        `${setup.name} round ${round}: ${s.acknowledged.size} acknowledged so far, ${s.unknown.size} unheard`,
      );
    }
    const { lost, duplicated } = tally(s, await casesByKey({ sqliteDataDir: dataDir, pgSchema }, prefix));
    return {
      acknowledged: s.acknowledged.size,
      resent,
      stillUnheard: s.unknown.size,
      lost,
      duplicated: duplicated + (s.statuses['same key, another case'] ?? 0),
    };
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
    if (pgSchema) await pgQuery(`drop schema ${pgSchema} cascade`);
  }
}

export const drill: Drill = {
  summary: `kill -9 under idempotent submission load, ${ROUNDS} rounds each on SQLite, PostgreSQL and HTTP_WORKERS=2: 0 acknowledged lost, 0 duplicated`,
  run: async (log) => {
    const setups: Setup[] = [
      { name: 'SQLite', dialect: 'sqlite', env: {} },
      { name: 'SQLite, HTTP_WORKERS=2', dialect: 'sqlite', env: { HTTP_WORKERS: '2' } },
    ];
    if (await pgReachable()) setups.push({ name: 'PostgreSQL', dialect: 'postgres', env: {} });
    else log('PostgreSQL not reachable: skipped');
    const figures: Record<string, number | string> = {};
    let ok = true;
    for (const setup of setups) {
      const r = await trial(setup, log);
      for (const [k, v] of Object.entries(r)) figures[`${setup.name}: ${k}`] = v;
      ok &&= r.acknowledged > 0 && r.lost === 0 && r.duplicated === 0 && r.stillUnheard === 0;
    }
    return {
      passed: ok && setups.length === 3,
      figures,
      verdict: ok
        ? `no acknowledged case lost and none made twice across ${setups.length} setups`
        : 'an acknowledged case was lost, a submission made twice, or a retry left unanswered',
    };
  },
};
