import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { cliSandbox } from '../../test/cli-sandbox.js';

const root = path.resolve(import.meta.dirname, '../..');
let box: Awaited<ReturnType<typeof cliSandbox>> | undefined;
let child: ChildProcess | undefined;
after(async () => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
  await box?.cleanup();
});

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });

test('HTTP_WORKERS=2: two HTTP processes answer, the first runs the background work, metrics add up, SIGTERM stops all', async () => {
  box = await cliSandbox('serve');
  const port = await freePort();
  let stderr = '';
  child = spawn(process.execPath, [path.join(root, 'bin/onewindow.mjs'), 'serve'], {
    env: {
      ...box.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      HTTP_WORKERS: '2',
      NOTIFICATION_INTERVAL_MS: '200',
      METRICS_TOKEN: 'serve-test-metrics-token-0123',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  child.stdout!.on('data', (d: Buffer) => {
    stdout += d.toString();
  });
  child.stderr!.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  while (!stdout.includes('is running at')) {
    assert.equal(child.exitCode, null, `serve exited: ${stderr}`);
    assert.ok(Date.now() < deadline, 'serve did not start');
    await new Promise((r) => setTimeout(r, 200));
  }
  assert.match(stdout, /HTTP processes: 2/);
  assert.equal((await fetch(`${base}/readyz`)).status, 200);

  const login = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'citizen', password: 'OneWindow2026' }),
  });
  assert.equal(login.status, 200);
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const csrf = ((await login.json()) as { csrfToken: string }).csrfToken;
  const search = (await (
    await fetch(`${base}/api/v1/search?q=${encodeURIComponent('食品经营许可')}&limit=1`)
  ).json()) as { items: { id: string }[] };
  const inbox = async () =>
    ((await (await fetch(`${base}/api/v1/inbox`, { headers: { cookie } })).json()) as { total: number })
      .total;
  const before = await inbox();
  const body = JSON.stringify({
    itemId: search.items[0]!.id,
    form: { 经营场所: '清河市人民路1号', 经营项目: '热食类食品制售' },
    materials: [],
  });
  // Concurrent submissions reach both processes; each takes its turn at the write lock.
  const N = 60;
  const answers = await Promise.all(
    Array.from({ length: N }, async (_, i) => {
      const r = await fetch(`${base}/api/v1/cases`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          cookie,
          'x-csrf-token': csrf,
          'idempotency-key': `serve-test-${i}`,
        },
        body,
      });
      return { status: r.status, body: (await r.json()) as { case: { receiptNo: string } } };
    }),
  );
  assert.deepEqual(
    answers.map((a) => a.status),
    Array(N).fill(201),
  );
  assert.equal(
    new Set(answers.map((a) => a.body.case.receiptNo)).size,
    N,
    'every case has its own receipt number',
  );

  // /metrics, from whichever process answers, counts every process's requests.
  const metrics = await (
    await fetch(`${base}/metrics`, { headers: { authorization: 'Bearer serve-test-metrics-token-0123' } })
  ).text();
  const created = [
    ...metrics.matchAll(
      /^onewindow_http_requests_total\{[^}]*method="POST"[^}]*route="\/api\/v1\/cases"[^}]*status="201"[^}]*\} (\d+)/gm,
    ),
  ].reduce((n, m) => n + Number(m[1]), 0);
  assert.equal(created, N);

  // The notification outbox is worked by the first process: the applicant's inbox fills.
  let total = 0;
  for (let i = 0; i < 100 && total < N; i++) {
    await new Promise((r) => setTimeout(r, 200));
    total = (await inbox()) - before;
  }
  assert.equal(total, N, 'one notice per case reached the inbox');

  // An HTTP process told to stop on its own answers what it holds, and another takes its place.
  const workers = () =>
    fs
      .readdirSync('/proc')
      .filter((d) => /^\d+$/.test(d))
      .filter((d) => {
        try {
          return (
            fs
              .readFileSync(`/proc/${d}/stat`, 'utf8')
              .replace(/^.*\) /, '')
              .split(' ')[1] === String(child!.pid) &&
            fs.readFileSync(`/proc/${d}/cmdline`, 'utf8').includes('onewindow.mjs')
          ); // not a helper the loader starts
        } catch {
          return false;
        }
      })
      .map(Number);
  const [first] = workers();
  assert.equal(workers().length, 2, 'two HTTP processes');
  const inFlight = Array.from({ length: 40 }, async (_, i) => {
    const r = await fetch(`${base}/api/v1/cases`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        cookie,
        'x-csrf-token': csrf,
        'idempotency-key': `serve-term-${i}`,
      },
      body,
    });
    return { status: r.status, text: await r.text() };
  });
  await new Promise((r) => setTimeout(r, 5));
  process.kill(first!, 'SIGTERM');
  const settled = await Promise.allSettled(inFlight);
  const lost = settled
    .filter((s) => s.status === 'rejected')
    .map((s) => String((s as PromiseRejectedResult).reason?.cause ?? (s as PromiseRejectedResult).reason));
  assert.deepEqual(lost, [], 'no request lost its connection');
  const statuses = settled.map((s) => (s as PromiseFulfilledResult<{ status: number }>).value.status);
  assert.ok(
    statuses.every((st) => st === 201 || st === 503),
    `answered or told to come back: ${statuses.join(',')}`,
  );
  // (a process being born or reaped shows briefly without its command line: count only a steady state)
  let steady = 0;
  for (let i = 0; i < 150 && steady < 3; i++) {
    await new Promise((r) => setTimeout(r, 100));
    const now = workers();
    steady = now.length === 2 && !now.includes(first!) ? steady + 1 : 0;
  }
  assert.equal(
    steady,
    3,
    `a new HTTP process took its place: ${workers().join(',')} (the stopped one was ${first})`,
  );
  assert.match(stdout, /an HTTP process stopped; starting another/);

  child.kill('SIGTERM');
  const code = await new Promise<number | null>((resolve) => child!.once('exit', resolve));
  assert.equal(code, 0, stderr);
  await assert.rejects(fetch(`${base}/readyz`), 'no process answers after the shutdown');
});
