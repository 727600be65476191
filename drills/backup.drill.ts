/**
 * Backup and restore, blobs included: a server on SQLite takes applications with uploaded materials
 * and issues documents; `onewindow backup` runs while it keeps serving; `onewindow restore` puts the
 * backup into a new DATA_DIR; a server started there must serve every document and material it
 * knows with the same SHA-256, and its history must verify.
 */
import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Drill } from './drill.js';
import { login, startServer, type RunningServer } from '../bench/server-process.js';
import { verifyHistory } from '../src/modules/cases/verify-history.js';

const BEFORE = 16; // cases made before the backup starts
const DURING_MAX = 40; // at most this many while it runs
const PASSWORD = 'OneWindow2026';
const root = path.resolve(import.meta.dirname, '..');
const sha = (b: Buffer | Uint8Array) => createHash('sha256').update(b).digest('hex');

type Session = { cookie: string; csrf: string };

/** `onewindow …` as a child process; resolves with its exit code and output. */
function cli(args: string[], env: Record<string, string>) {
  return new Promise<{ code: number; out: string }>((resolve) => {
    const child = spawn(process.execPath, [path.join(root, 'bin/onewindow.mjs'), ...args], {
      env: { ...process.env, LOG_LEVEL: 'warn', DATABASE_URL: '', ...env },
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('exit', (code) => resolve({ code: code ?? 1, out }));
  });
}

function client(port: number, s: Session) {
  const base = `http://127.0.0.1:${port}/api/v1`;
  const headers = (extra: Record<string, string> = {}) => ({
    cookie: s.cookie,
    'x-csrf-token': s.csrf,
    ...extra,
  });
  return {
    json: async <T>(method: string, url: string, body?: unknown): Promise<T> => {
      const r = await fetch(base + url, {
        method,
        headers: headers(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await r.text();
      if (!r.ok) throw new Error(`${method} ${url}: ${r.status} ${text.slice(0, 300)}`);
      return JSON.parse(text) as T;
    },
    upload: async (data: Buffer, name: string) => {
      const form = new FormData();
      form.append('file', new Blob([data], { type: 'application/pdf' }), name);
      const r = await fetch(`${base}/files`, { method: 'POST', headers: headers(), body: form });
      if (r.status !== 201) throw new Error(`upload: ${r.status} ${await r.text()}`);
      return (await r.json()) as { id: string; sha256: string };
    },
    bytes: async (url: string) => {
      const r = await fetch(base + url, { headers: headers() });
      return { status: r.status, data: Buffer.from(await r.arrayBuffer()) };
    },
  };
}

export const drill: Drill = {
  summary:
    'backup while serving, restore into a new DATA_DIR: every document and material downloads with its SHA-256',
  run: async (log) => {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'ow-drill-backup-'));
    const servers: RunningServer[] = [];
    try {
      const a = await startServer('sqlite');
      servers.push(a);
      const citizen = client(a.port, await login(a.port, 'citizen', PASSWORD));
      const clerk = client(a.port, await login(a.port, 'clerk', PASSWORD));
      const food = (
        await citizen.json<{ items: { id: string }[] }>(
          'GET',
          `/search?q=${encodeURIComponent('食品经营许可')}&limit=1`,
        )
      ).items[0]!;
      const guide = await citizen.json<{ materials: { name: string; required: boolean; source: string }[] }>(
        'GET',
        `/items/${food.id}`,
      );
      const needed: string[] = guide.materials
        .filter((m: { required: boolean; source: string }) => m.required && m.source === 'applicant')
        .map((m: { name: string }) => m.name);
      const uploaded = new Map<string, string>(); // file id → SHA-256 at upload
      const codes = new Map<string, string>(); // receipt number → check code
      /** An online application with every material uploaded, accepted at the window (an issued notice). */
      const makeCase = async (i: number) => {
        const materials = [];
        for (const name of needed) {
          const pdf = Buffer.from(`%PDF-1.4\n% ${name} ${i} ${randomBytes(8).toString('hex')}\n%%EOF\n`);
          const f = await citizen.upload(pdf, `${i}.pdf`);
          if (f.sha256 !== sha(pdf)) throw new Error('upload answered another hash');
          uploaded.set(f.id, f.sha256);
          materials.push({ name, fileId: f.id });
        }
        const s = await citizen.json<{
          checkCode: string;
          case: { id: string; receiptNo: string; version: number };
        }>('POST', '/cases', { itemId: food.id, form: { 经营场所: `人民路${i}号` }, materials });
        codes.set(s.case.receiptNo, s.checkCode);
        await clerk.json('POST', `/cases/${s.case.id}/accept`, { version: s.case.version });
      };
      for (let i = 0; i < BEFORE; i++) await makeCase(i);
      log(
        `${BEFORE} cases with ${uploaded.size} materials and their acceptance notices; backing up while serving`,
      );

      const dest = path.join(work, 'backup');
      const t0 = performance.now();
      const backup = cli(['backup', dest], { DATA_DIR: a.dataDir });
      let running = true;
      void backup.then(() => (running = false));
      let during = 0;
      while (running && during < DURING_MAX) await makeCase(BEFORE + during++);
      const b = await backup;
      const backupSeconds = Math.round((performance.now() - t0) / 100) / 10;
      if (b.code !== 0) throw new Error(`backup failed (${b.code}): ${b.out}`);
      const manifest = JSON.parse(fs.readFileSync(path.join(dest, 'manifest.json'), 'utf8')) as {
        blobs: { size: number }[];
        databaseFile: { size: number };
      };
      log(`backup: ${manifest.blobs.length} files beside the database, ${during} cases made while it ran`);
      await servers.pop()!.stop();

      const restoredDir = path.join(work, 'restored');
      const t1 = performance.now();
      const r = await cli(['restore', dest], { DATA_DIR: restoredDir });
      const restoreSeconds = Math.round((performance.now() - t1) / 100) / 10;
      if (r.code !== 0) throw new Error(`restore failed (${r.code}): ${r.out}`);
      const refused = await cli(['restore', dest], { DATA_DIR: restoredDir });
      const audit = await cli(['audit', 'verify'], { DATA_DIR: restoredDir });

      const bServer = await startServer('sqlite', { DATA_DIR: restoredDir });
      servers.push(bServer);
      const c2 = client(bServer.port, await login(bServer.port, 'citizen', PASSWORD));
      const mine = (
        await c2.json<{ items: { id: string; receiptNo: string }[] }>('GET', '/cases?pageSize=200')
      ).items;
      let documents = 0;
      let materials = 0;
      let mismatched = 0;
      let failed = 0;
      for (const c of mine) {
        const v = await c2.json<{
          documents: { id: string; sha256: string }[];
          materials: { fileId: string | null }[];
        }>('GET', `/cases/${c.id}`);
        for (const d of v.documents) {
          const got = await c2.bytes(`/cases/${c.id}/documents/${d.id}`);
          documents++;
          if (got.status !== 200) failed++;
          else if (sha(got.data) !== d.sha256) mismatched++;
        }
        for (const m of v.materials) {
          if (!m.fileId) continue;
          const got = await c2.bytes(`/files/${m.fileId}`);
          materials++;
          if (got.status !== 200) failed++;
          else if (sha(got.data) !== uploaded.get(m.fileId)) mismatched++;
        }
      }
      // One applicant's history, downloaded from the restored server, checks with the published verifier.
      const first = mine.find((c) => codes.has(c.receiptNo))!;
      const history = await fetch(
        `http://127.0.0.1:${bServer.port}/api/v1/track/${first.receiptNo}/history?code=${codes.get(first.receiptNo)}`,
      );
      const historyOk = history.ok && verifyHistory(await history.json()).ok;
      const figures = {
        'cases before the backup': BEFORE,
        'cases made while it ran': during,
        'cases on the restored server': mine.length,
        'documents downloaded': documents,
        'materials downloaded': materials,
        'SHA-256 mismatches': mismatched,
        'downloads not 200': failed,
        'files in the backup': manifest.blobs.length,
        'backup MB (database + files)':
          Math.round(
            ((manifest.databaseFile.size + manifest.blobs.reduce((n, x) => n + x.size, 0)) / 1048576) * 100,
          ) / 100,
        'backup s (while serving)': backupSeconds,
        'restore s': restoreSeconds,
        'restore into a non-empty DATA_DIR': refused.code === 2 ? 'refused' : `exit ${refused.code}`,
        'audit verify after restore': audit.code === 0 ? 'OK' : 'BROKEN',
        'downloaded history verifies': historyOk ? 'yes' : 'no',
      };
      const passed =
        mine.length >= BEFORE &&
        documents >= mine.length &&
        materials >= mine.length * needed.length &&
        mismatched === 0 &&
        failed === 0 &&
        refused.code === 2 &&
        audit.code === 0 &&
        historyOk;
      return {
        passed,
        figures,
        verdict: passed
          ? `all ${documents} documents and ${materials} materials of the ${mine.length} restored cases downloaded with their SHA-256; the chain and a downloaded history verify`
          : `the restored server lost or changed something: ${mismatched} mismatches, ${failed} failed downloads, ${mine.length}/${BEFORE}+ cases`,
      };
    } finally {
      for (const s of servers) await s.stop();
      fs.rmSync(work, { recursive: true, force: true });
    }
  },
};
