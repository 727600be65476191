#!/usr/bin/env node
// `npm test`: lint, typecheck, then the whole server suite on SQLite and again on PostgreSQL.
// PostgreSQL comes from TEST_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test). When it
// cannot be reached the run still passes on SQLite and says plainly that the PostgreSQL half did not
// run — unless REQUIRE_POSTGRES=1 (CI sets it), which turns that into a failure.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
process.chdir(root);
const only = process.argv.slice(2);

const totals = { passed: 0, failed: 0, skipped: 0 };

function run(label, cmd, args, env = {}, count = false) {
  process.stdout.write(`\n=== ${label} ===\n`);
  const r = spawnSync(cmd, args, { stdio: count ? ['inherit', 'pipe', 'inherit'] : 'inherit', env: { ...process.env, ...env }, maxBuffer: 256 * 1024 * 1024 });
  if (count) {
    const out = r.stdout.toString();
    process.stdout.write(out);
    const num = (k) => Number((out.match(new RegExp(`^ℹ ${k} (\\d+)$`, 'm')) ?? [])[1] ?? 0);
    totals.passed += num('pass');
    totals.failed += num('fail');
    totals.skipped += num('skipped');
  }
  if (r.status !== 0) {
    process.stdout.write(`\n${label} failed (exit ${r.status ?? r.signal})\n`);
    if (count) process.stdout.write(`${totals.passed} passed, ${Math.max(totals.failed, 1)} failed\n`);
    process.exit(r.status || 1);
  }
}

function testFiles(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.test\.ts$/.test(e.name))
    .map((e) => path.join(e.parentPath ?? e.path, e.name))
    .sort();
}

async function reachable(url) {
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await c.connect();
    await c.query('select 1');
    return null;
  } catch (e) {
    return e.message;
  } finally {
    await c.end().catch(() => {});
  }
}

const files = only.length ? only : [...testFiles('src'), ...testFiles('test')];
const nodeTest = () => ['--import', 'tsx', '--test', '--test-reporter=spec', ...files];

if (!only.length) {
  run('lint (eslint)', 'npx', ['eslint', '--max-warnings=0', '.']);
  run('typecheck (tsc --noEmit)', 'npx', ['tsc', '-p', '.']);
}
run(`server tests on SQLite (${files.length} files)`, process.execPath, nodeTest(), { TEST_DATABASE_URL: '' }, true);

const url = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
const why = await reachable(url);
if (why) {
  const msg = `PostgreSQL half did NOT run: ${url.replace(/:[^:@/]*@/, ':***@')} is not reachable (${why}).`;
  if (process.env.REQUIRE_POSTGRES === '1') {
    process.stdout.write(`\n${msg}\nREQUIRE_POSTGRES=1, so this is a failure.\n`);
    process.exit(1);
  }
  process.stdout.write(`\n*** ${msg} Only SQLite was tested. ***\n`);
} else {
  run(`server tests on PostgreSQL (${files.length} files)`, process.execPath, nodeTest(), { TEST_DATABASE_URL: url }, true);
}
process.stdout.write(`\nall test stages passed\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped\n`);
