#!/usr/bin/env node
// `npm test`: lint, typecheck (server and web), the web's generated API types checked against the
// server's OpenAPI document, the web unit tests (vitest), the whole server suite
// on SQLite (in memory, then on a file as the server runs it) and again on PostgreSQL, then the
// browser end-to-end story (playwright-core + Chromium).
// PostgreSQL comes from TEST_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test). When it
// cannot be reached the run still passes on SQLite and says plainly that the PostgreSQL half did not
// run — unless REQUIRE_POSTGRES=1 (CI sets it), which turns that into a failure.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';

// A test file that has not finished in 10 minutes is failed and its process stopped, so a hang
// (node's assert spins when it builds the message of some failing assert.ok under tsx) ends the
// run with a failure instead of running into CI's time limit.
const FILE_TIMEOUT_MS = 10 * 60_000;

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
process.chdir(root);
const only = process.argv.slice(2);

const totals = { passed: 0, failed: 0, skipped: 0 };

function run(label, cmd, args, env = {}, count = false) {
  process.stdout.write(`\n=== ${label} ===\n`);
  const r = spawnSync(cmd, args, {
    stdio: count ? ['inherit', 'pipe', 'inherit'] : 'inherit',
    env: { ...process.env, ...env },
    maxBuffer: 256 * 1024 * 1024,
  });
  if (count) {
    const out = r.stdout.toString();
    process.stdout.write(out);
    const num = (k) => Number((out.match(new RegExp(`^ℹ ${k} (\\d+)$`, 'm')) ?? [])[1] ?? 0);
    totals.passed += num('pass');
    totals.failed += num('fail');
    totals.skipped += num('skipped') + num('todo');
  }
  if (r.status !== 0) {
    process.stdout.write(`\n${label} failed (exit ${r.status ?? r.signal})\n`);
    if (count) process.stdout.write(`${totals.passed} passed, ${Math.max(totals.failed, 1)} failed\n`);
    process.exit(r.status || 1);
  }
}

function testFiles(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true, recursive: true })
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

/** The web unit and component tests; their counts come from vitest's JSON report. */
function runVitest() {
  const report = path.join(root, 'test-output', 'vitest.json');
  fs.mkdirSync(path.dirname(report), { recursive: true });
  fs.rmSync(report, { force: true });
  process.stdout.write('\n=== web unit and component tests (vitest) ===\n');
  const r = spawnSync(
    'npx',
    [
      'vitest',
      'run',
      '--config',
      'web/vitest.config.ts',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${report}`,
    ],
    { stdio: 'inherit', env: process.env },
  );
  if (fs.existsSync(report)) {
    const j = JSON.parse(fs.readFileSync(report, 'utf8'));
    totals.passed += j.numPassedTests ?? 0;
    totals.failed += j.numFailedTests ?? 0;
    totals.skipped += (j.numPendingTests ?? 0) + (j.numTodoTests ?? 0);
  }
  if (r.status !== 0) {
    process.stdout.write(
      `\nweb unit tests failed (exit ${r.status ?? r.signal})\n${totals.passed} passed, ${Math.max(totals.failed, 1)} failed\n`,
    );
    process.exit(r.status || 1);
  }
}

/** The browser story: skipped (saying so) only on a developer machine without Chromium; CI must run it. */
function runE2e() {
  const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (!fs.existsSync(chromium)) {
    if (!process.env.CI) {
      process.stdout.write(
        `\n=== end-to-end (browser) ===\nskipped: ${chromium} is not installed (apt-get install chromium); CI runs this stage\n`,
      );
      return;
    }
    process.stdout.write(
      `\n${chromium} is missing and CI is set: the end-to-end stage must run.\n${totals.passed} passed, 1 failed\n`,
    );
    process.exit(1);
  }
  // Test what the sources say now, not an older build.
  run('build web application (vite)', 'npx', [
    'vite',
    'build',
    '--config',
    'web/vite.config.ts',
    '--logLevel',
    'warn',
  ]);
  const e2eFiles = fs
    .readdirSync('web/e2e')
    .filter((f) => f.endsWith('.e2e.ts'))
    .sort()
    .map((f) => path.join('web/e2e', f));
  run(
    `end-to-end in Chromium (${e2eFiles.length} files)`,
    process.execPath,
    ['--import', 'tsx', '--test', '--test-reporter=spec', `--test-timeout=${FILE_TIMEOUT_MS}`, ...e2eFiles],
    // The stories that run on both databases (web/e2e/harness.ts E2E_DATABASES) get PostgreSQL when it answered.
    { TEST_DATABASE_URL: '', E2E_DATABASE_URL: why ? '' : url },
    true,
  );
}

const files = only.length ? only : [...testFiles('src'), ...testFiles('test')];
const nodeTest = () => [
  '--import',
  'tsx',
  '--test',
  '--test-reporter=spec',
  `--test-timeout=${FILE_TIMEOUT_MS}`,
  ...files,
];

if (!only.length) {
  run('lint (prettier, eslint)', 'npm', ['run', 'lint', '--silent']);
  run('typecheck (tsc --noEmit)', 'npx', ['tsc', '-p', '.']);
  run('typecheck web (tsc -p web)', 'npx', ['tsc', '-p', 'web']);
  // The web's API types are generated from the server's OpenAPI document; a stale copy fails here.
  run('web API types match the server (npm run gen:api)', process.execPath, [
    '--import',
    'tsx',
    'scripts/gen-api-types.ts',
    '--check',
  ]);
  runVitest();
}
run(
  `server tests on SQLite (${files.length} files)`,
  process.execPath,
  nodeTest(),
  { TEST_DATABASE_URL: '' },
  true,
);
// Again on an SQLite file, as the server runs: WAL, the read-only connection for reads, the intake thread.
run(
  `server tests on an SQLite file (${files.length} files)`,
  process.execPath,
  nodeTest(),
  { TEST_DATABASE_URL: '', TEST_SQLITE: 'file' },
  true,
);

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
  run(
    `server tests on PostgreSQL (${files.length} files)`,
    process.execPath,
    nodeTest(),
    { TEST_DATABASE_URL: url },
    true,
  );
}
if (!only.length) runE2e();
process.stdout.write(
  `\nall test stages passed\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped\n`,
);
