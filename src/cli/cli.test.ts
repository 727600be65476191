import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import SQLite from 'better-sqlite3';
import { smallCatalogue } from '../../test/fixtures.js';
import { cliSandbox } from '../../test/cli-sandbox.js';
import { appendCaseEvent } from '../modules/cases/event-chain.js';

const pgUrl = process.env.TEST_DATABASE_URL;
let box: Awaited<ReturnType<typeof cliSandbox>>;
let dir: string;

before(async () => {
  box = await cliSandbox('cli');
  dir = box.dir;
});
after(() => box.cleanup());

const cli = (args: string[], extraEnv: Record<string, string> = {}) => box.cli(args, extraEnv);

test('a wrong configuration value stops with one line naming the variable', () => {
  const r = cli(['migrate'], { PORT: 'eighty' });
  assert.notEqual(r.status, 0);
  assert.equal(r.stderr.trim().split('\n').length, 1);
  assert.match(r.stderr, /PORT: must be a whole number/);
  assert.match(cli(['migrate'], { DATABASE_URL: 'mysql://x' }).stderr, /DATABASE_URL/);
  assert.match(cli(['migrate'], { LOG_LEVEL: 'loud' }).stderr, /LOG_LEVEL/);
});

test('migrate, import with progress, export, users create', () => {
  const m = cli(['migrate']);
  assert.equal(m.status, 0, m.stderr);
  assert.equal(cli(['migrate']).stdout.trim(), 'schema is current');

  const bad = smallCatalogue();
  bad.items[0]!.committedDays = 50;
  fs.writeFileSync(path.join(dir, 'bad.json'), JSON.stringify(bad));
  const refused = cli(['catalogue', 'import', path.join(dir, 'bad.json')], { LANG: 'en_US.UTF-8' });
  assert.equal(refused.status, 1);
  assert.match(refused.stderr, /nothing was changed/);
  assert.match(refused.stderr, /\/items\/0\/committedDays/);

  fs.writeFileSync(path.join(dir, 'good.json'), JSON.stringify(smallCatalogue()));
  const ok = cli(['catalogue', 'import', path.join(dir, 'good.json')]);
  assert.equal(ok.status, 0, ok.stderr);
  assert.match(ok.stderr, /items: 5\/5/);
  assert.equal(JSON.parse(ok.stdout).items.created, 5);

  const out = path.join(dir, 'export.json');
  const ex = cli(['catalogue', 'export', '--out', out]);
  assert.equal(ex.status, 0, ex.stderr);
  assert.equal(JSON.parse(fs.readFileSync(out, 'utf8')).items.length, 5);

  const u = cli(['users', 'create', '--username', 'ops', '--role', 'reviewer', '--department', 'SCJ']);
  assert.equal(u.status, 0, u.stderr);
  assert.match(u.stdout, /created ops \(reviewer\), password: \S{8,}/);
  assert.match(
    cli(['users', 'create', '--username', 'x1', '--role', 'king']).stderr,
    /--role must be one of/,
  );
  assert.match(cli(['catalogue', 'import', path.join(dir, 'missing.json')]).stderr, /cannot read/);
});

test('backup holds the database and every stored file it names, checked by hash; restore puts them back into an empty DATA_DIR only', async () => {
  // A material as an upload leaves it: a row naming the file by its SHA-256, the bytes under blobs/.
  const bytes = Buffer.from('%PDF-1.4 a material\n');
  const hash = createHash('sha256').update(bytes).digest('hex');
  const key = `files/${hash.slice(0, 2)}/${hash}.pdf`;
  fs.mkdirSync(path.join(dir, 'blobs', path.dirname(key)), { recursive: true });
  fs.writeFileSync(path.join(dir, 'blobs', key), bytes);
  const h = box.open();
  try {
    await h.db
      .insertInto('files')
      .values({
        id: 'file-backup-1',
        sha256: hash,
        size: bytes.length,
        mime: 'application/pdf',
        original_name: 'a.pdf',
        storage_key: key,
        owner_user_id: null,
        case_id: null,
        uploaded_at: '2026-11-26T02:00:00.000Z',
      })
      .execute();
  } finally {
    await h.close();
  }
  const dest = path.join(dir, 'backups', 'b1');
  const r = cli(['backup', dest]);
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(fs.readFileSync(path.join(dest, 'blobs', key)), bytes, 'the stored file is in the backup');
  const manifest = JSON.parse(fs.readFileSync(path.join(dest, 'manifest.json'), 'utf8'));
  assert.deepEqual(manifest.blobs, [{ key, sha256: hash, size: bytes.length }]);
  assert.equal(cli(['backup', dest]).status, 2, 'an existing backup is not overwritten');
  if (pgUrl) {
    assert.equal(manifest.databaseFile, null);
    assert.match(r.stdout, /pg_dump/);
  } else {
    const copy = new SQLite(path.join(dest, 'onewindow.db'), { readonly: true });
    const n = copy.prepare('select count(*) as n from departments').get() as { n: number };
    copy.close();
    assert.equal(n.n, 3);
  }

  const target = path.join(dir, 'restored');
  const restored = cli(['restore', dest], { DATA_DIR: target });
  assert.equal(restored.status, 0, restored.stderr);
  assert.deepEqual(fs.readFileSync(path.join(target, 'blobs', key)), bytes);
  if (!pgUrl) assert.ok(fs.existsSync(path.join(target, 'onewindow.db')));
  const again = cli(['restore', dest], { DATA_DIR: target });
  assert.equal(again.status, 2, 'a DATA_DIR with anything in it is never overwritten');
  assert.match(again.stderr, /not empty/);

  // A backup whose file was altered is refused before the database is put back.
  fs.writeFileSync(path.join(dest, 'blobs', key), 'altered');
  const other = path.join(dir, 'restored-2');
  const refused = cli(['restore', dest], { DATA_DIR: other });
  assert.equal(refused.status, 1);
  assert.match(refused.stderr, /does not match its SHA-256/);
  assert.ok(!fs.existsSync(path.join(other, 'onewindow.db')));

  // A stored file lost from DATA_DIR is named, and the backup says it is incomplete.
  fs.rmSync(path.join(dir, 'blobs', key));
  const partial = cli(['backup', path.join(dir, 'backups', 'b2')]);
  assert.equal(partial.status, 1);
  assert.match(partial.stderr, new RegExp(`MISSING from .*${key}`));
});

test('audit verify passes an intact history and names a tampered case event', async () => {
  const h = box.open();
  try {
    const at = '2026-11-26T02:00:00.000Z';
    await h.db
      .insertInto('cases')
      .values({
        id: 'case-cli-1',
        receipt_no: 'QH20260000001',
        check_code: 'ABCDEFGHJK',
        bundle_id: null,
        title: '测试',
        lead_department_id: 'x',
        applicant_user_id: null,
        applicant_kind: 'person',
        applicant_name: '张三',
        applicant_id_number: '11010519491231002X',
        applicant_phone: null,
        applicant_email: null,
        channel: 'window',
        state: 'received',
        shortfall: 0,
        form: '{}',
        committed_days: 5,
        handling_class: 'promise',
        window: null,
        created_by: null,
        created_at: at,
        submitted_at: at,
        received_at: at,
        accepted_at: null,
        acceptance_date: null,
        decided_at: null,
        decision: null,
        completed_at: null,
        case_clock_id: null,
        acceptance_clock_id: null,
        delivery_clock_id: null,
        tracking: null,
        last_hash: null,
        event_count: 0,
        updated_at: at,
        version: 1,
      })
      .execute();
    for (const kind of ['submitted', 'accept', 'decide_task']) {
      const c = await h.db
        .selectFrom('cases')
        .selectAll()
        .where('id', '=', 'case-cli-1')
        .executeTakeFirstOrThrow();
      await appendCaseEvent(h.db, h.dialect, c, at, { id: null, role: 'clerk' }, kind, { note: kind });
    }
    const ok = cli(['audit', 'verify']);
    assert.equal(ok.status, 0, ok.stderr + ok.stdout);
    assert.match(ok.stdout, /OK — 3 events across 1 cases/);
    await h.db
      .updateTable('case_events')
      .set({ data: JSON.stringify({ note: 'quietly changed' }) })
      .where('case_id', '=', 'case-cli-1')
      .where('seq', '=', 2)
      .execute();
    const bad = cli(['audit', 'verify']);
    assert.equal(bad.status, 1);
    assert.match(bad.stdout, /BROKEN case case-cli-1 event 2: content does not match its hash/);
  } finally {
    await h.close();
  }
});
