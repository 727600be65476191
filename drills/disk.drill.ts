/**
 * The embedded database's disk fills up under load, and its file is read-only. While writes fail
 * they answer 503 with Retry-After in problem+json and /readyz is not ready; once space is freed the
 * same process writes again without a restart. A file the process opened read-only stays so within
 * it (SQLite shares the file's state across the process's connections), so once the file can be
 * written again /healthz fails, asking the process manager for a restart, which heals it; the log stays
 * bounded, and every acknowledged case is in the database. The disk is a small tmpfs (root mounts
 * it); the read-only file is run as the unprivileged user `nobody`, since root may write any file.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Drill } from './drill.js';
import { startServer, type RunningServer } from '../bench/server-process.js';
import {
  casesByKey,
  loop,
  newSubmitter,
  submit,
  tally,
  target,
  type Submitter,
  type Target,
} from './submissions.js';

const TMPFS_MB = 128;
const NOBODY = 65534;

/** Polls until `ok` or `ms` pass; the milliseconds it took, or -1. */
async function until(ok: () => Promise<boolean>, ms: number): Promise<number> {
  const t0 = performance.now();
  while (performance.now() - t0 < ms) {
    if (await ok()) return Math.round(performance.now() - t0);
    await new Promise((r) => setTimeout(r, 100));
  }
  return -1;
}

const readyz = async (srv: RunningServer) => (await fetch(`http://127.0.0.1:${srv.port}/readyz`)).status;

/** A write that must be refused: 503, Retry-After, problem+json, the code, both languages. */
async function refusedWell(t: Target, code: string): Promise<boolean> {
  const answers = await Promise.all(
    ['zh-CN', 'en'].map((lang) =>
      fetch(`http://127.0.0.1:${t.port}/api/v1/cases`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          cookie: t.cookie,
          'x-csrf-token': t.csrf,
          'idempotency-key': `refused-${randomBytes(6).toString('hex')}`,
          'accept-language': lang,
        },
        body: JSON.stringify({ itemId: t.itemId, form: { 经营场所: 'x', 经营项目: 'y' }, materials: [] }),
      }),
    ),
  );
  const bodies = await Promise.all(answers.map((a) => a.json() as Promise<{ code: string; detail: string }>));
  return answers.every(
    (a, i) =>
      a.status === 503 &&
      Number(a.headers.get('retry-after')) > 0 &&
      a.headers.get('content-type')?.startsWith('application/problem+json') &&
      bodies[i]!.code === code,
  );
}

function statuses5xx(s: Submitter) {
  const get = (k: string) => s.statuses[k] ?? 0;
  return { '503': get('503'), '500': get('500') };
}

async function diskFull(log: (line: string) => void, figures: Record<string, number | string>) {
  const mount = fs.mkdtempSync(path.join(os.tmpdir(), 'ow-drill-disk-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${TMPFS_MB}m`, 'tmpfs', mount], { stdio: 'ignore' });
  } catch {
    fs.rmSync(mount, { recursive: true, force: true });
    figures['disk full'] = 'skipped: a tmpfs cannot be mounted here (needs root)';
    return false;
  }
  const dataDir = path.join(mount, 'data');
  const filler = path.join(mount, 'filler');
  const wal = path.join(dataDir, 'onewindow.db-wal');
  let srv: RunningServer | undefined;
  let maxWal = 0;
  const watch = setInterval(() => {
    try {
      maxWal = Math.max(maxWal, fs.statSync(wal).size);
    } catch {
      /* no log yet */
    }
  }, 50);
  try {
    srv = await startServer('sqlite', {}, { dataDir });
    const t = await target(srv.port);
    const s = newSubmitter();
    const prefix = `df${randomBytes(3).toString('hex')}`;
    const load = loop(() => t, prefix, 32, s);
    await new Promise((r) => setTimeout(r, 2000));
    // Fill the disk to the last byte while the load goes on.
    const fd = fs.openSync(filler, 'w');
    const chunk = Buffer.alloc(1 << 20);
    try {
      for (;;) fs.writeSync(fd, chunk);
    } catch {
      /* ENOSPC: full */
    } finally {
      fs.closeSync(fd);
    }
    const before = statuses5xx(s);
    await new Promise((r) => setTimeout(r, 3000));
    const during = statuses5xx(s);
    const notReady = (await readyz(srv)) === 503;
    const refused = await refusedWell(t, 'storage_full');
    log(`disk full: /readyz not ready ${notReady}, refused with 503 + Retry-After ${refused}`);
    fs.rmSync(filler);
    const healedMs = await until(async () => (await readyz(srv!)) === 200, 30_000);
    const ackBefore = s.acknowledged.size;
    await new Promise((r) => setTimeout(r, 2000));
    await load.stop();
    const writesAgain = s.acknowledged.size - ackBefore;
    for (const key of [...s.unknown]) await submit(t, key, s);
    await srv.stop();
    srv = undefined;
    const { lost, duplicated } = tally(s, await casesByKey({ sqliteDataDir: dataDir }, prefix));
    const dbBytes = fs.statSync(path.join(dataDir, 'onewindow.db')).size;
    Object.assign(figures, {
      'disk full: acknowledged': s.acknowledged.size,
      'disk full: 503 while full': during['503'] - before['503'],
      'disk full: 500 while full': during['500'] - before['500'],
      'disk full: /readyz not ready while full': notReady ? 'yes' : 'no',
      'disk full: 503 + Retry-After + problem+json (zh, en)': refused ? 'yes' : 'no',
      'disk full: ready again after freeing (ms)': healedMs,
      'disk full: acknowledged in the 2 s after': writesAgain,
      'disk full: largest log (MB)': +(maxWal / 1048576).toFixed(1),
      'disk full: database (MB)': +(dbBytes / 1048576).toFixed(1),
      'disk full: lost': lost,
      'disk full: duplicated': duplicated,
      'disk full: outcome still unknown after resending': s.unknown.size,
    });
    if (s.unknown.size) log(`disk full: answers ${JSON.stringify(s.statuses)}`);
    return (
      notReady &&
      refused &&
      healedMs >= 0 &&
      writesAgain > 0 &&
      during['500'] === before['500'] &&
      lost === 0 &&
      duplicated === 0 &&
      s.unknown.size === 0
    );
  } finally {
    clearInterval(watch);
    await srv?.stop().catch(() => undefined);
    execFileSync('umount', [mount]);
    fs.rmSync(mount, { recursive: true, force: true });
  }
}

async function readOnly(log: (line: string) => void, figures: Record<string, number | string>) {
  if (process.getuid?.() !== 0) {
    figures['read-only file'] = 'skipped: needs root to run the server as nobody';
    return false;
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ow-drill-ro-'));
  fs.chmodSync(dataDir, 0o755);
  fs.chownSync(dataDir, NOBODY, NOBODY);
  const files = () =>
    ['onewindow.db', 'onewindow.db-wal', 'onewindow.db-shm']
      .map((f) => path.join(dataDir, f))
      .filter((f) => fs.existsSync(f));
  const as = { dataDir, uid: NOBODY, gid: NOBODY };
  let srv: RunningServer | undefined;
  try {
    // A first start loads the demo data; then the file is made read-only and the server started on it.
    srv = await startServer('sqlite', {}, as);
    const s = newSubmitter();
    const prefix = `ro${randomBytes(3).toString('hex')}`;
    const first = await target(srv.port);
    await submit(first, `${prefix}-0`, s);
    await srv.stop();
    for (const f of files()) fs.chmodSync(f, 0o444);
    srv = await startServer('sqlite', {}, { ...as, waitFor: 'live' });
    const notReady = (await readyz(srv)) === 503;
    // (the session made at the first start is in the database: a login would be a write)
    const refused = await refusedWell({ ...first, port: srv.port }, 'storage_read_only');
    const loginRefused = (
      await fetch(`http://127.0.0.1:${srv.port}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'citizen', password: 'OneWindow2026' }),
      })
    ).status;
    log(`read-only: /readyz not ready ${notReady}, refused ${refused}, a login ${loginRefused}`);
    for (const f of files()) fs.chmodSync(f, 0o644);
    const healedMs = await until(async () => (await readyz(srv!)) === 200, 5_000);
    // Not healed in place, the liveness probe must ask the process manager for a restart.
    const livenessAsked =
      healedMs < 0 && (await fetch(`http://127.0.0.1:${srv.port}/healthz`)).status === 503;
    if (healedMs < 0) {
      // (SQLite may keep the process's connections read-only: /readyz asks for a restart)
      const reason = (
        (await (await fetch(`http://127.0.0.1:${srv.port}/readyz`)).json()) as { detail: string }
      ).detail;
      log(`read-only: not healed in place: ${reason}`);
      await srv.stop();
      srv = await startServer('sqlite', {}, as);
    }
    const t = await target(srv.port);
    for (let i = 1; i <= 20; i++) await submit(t, `${prefix}-${i}`, s);
    await srv.stop();
    srv = undefined;
    const { lost, duplicated } = tally(s, await casesByKey({ sqliteDataDir: dataDir }, prefix));
    Object.assign(figures, {
      'read-only: /readyz not ready': notReady ? 'yes' : 'no',
      'read-only: 503 + Retry-After + problem+json (zh, en)': refused ? 'yes' : 'no',
      'read-only: a login (writes a session)': loginRefused,
      'read-only: ready again once writable, in place (ms)': healedMs >= 0 ? healedMs : 'no: restarted',
      'read-only: /healthz asked for the restart':
        healedMs >= 0 ? 'not needed' : livenessAsked ? 'yes' : 'no',
      'read-only: acknowledged': s.acknowledged.size,
      'read-only: lost': lost,
    });
    return (
      notReady &&
      refused &&
      loginRefused === 503 &&
      (healedMs >= 0 || livenessAsked) &&
      s.acknowledged.size === 21 &&
      lost === 0 &&
      duplicated === 0
    );
  } finally {
    await srv?.stop().catch(() => undefined);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

export const drill: Drill = {
  summary:
    'a full disk under load and a read-only database file (SQLite): 503 + Retry-After, /readyz not ready, healed (the disk without a restart; the read-only file by the restart /healthz asks for), the log bounded, 0 acknowledged lost',
  run: async (log) => {
    const figures: Record<string, number | string> = {};
    const full = await diskFull(log, figures);
    const ro = await readOnly(log, figures);
    return {
      passed: full && ro,
      figures,
      verdict:
        full && ro
          ? 'writes were refused with 503 and Retry-After while they could not succeed, the instance was out of rotation, and it healed (in place, or by the restart its liveness probe asked for) with nothing acknowledged lost'
          : 'see the figures: a failure was not answered as it should, did not heal, or lost a case',
    };
  },
};
