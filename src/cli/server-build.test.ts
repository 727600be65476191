import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildServer, isFresh, sourceState } from '../../scripts/server-build.mjs';

const root = path.resolve(import.meta.dirname, '../..');

/** A project of its own: src/ with two modules and a test, dist/ not built yet. */
function tree(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ow-build-'));
  fs.mkdirSync(path.join(dir, 'src/shared'), { recursive: true });
  fs.writeFileSync(
    path.join(dir, 'src/main.ts'),
    "import { twice } from './shared/twice.js';\nconst n: number = twice(21);\nprocess.stdout.write(String(n));\n",
  );
  fs.writeFileSync(
    path.join(dir, 'src/shared/twice.ts'),
    'export const twice = (n: number): number => n * 2;\n',
  );
  fs.writeFileSync(path.join(dir, 'src/shared/twice.test.ts'), 'throw new Error("tests are not built");\n');
  fs.writeFileSync(path.join(dir, 'package.json'), '{"type":"module"}');
  return dir;
}

test('dist/ mirrors src/ without the tests, and runs', async () => {
  const dir = tree();
  try {
    assert.equal(isFresh(dir), false, 'nothing built yet');
    assert.equal(await buildServer(dir), 2);
    assert.ok(fs.existsSync(path.join(dir, 'dist/main.js')));
    assert.ok(fs.existsSync(path.join(dir, 'dist/shared/twice.js')));
    assert.ok(!fs.existsSync(path.join(dir, 'dist/shared/twice.test.js')));
    assert.deepEqual(
      fs.readdirSync(dir).filter((f) => f.startsWith('dist.')),
      [],
      'no build left beside it',
    );
    const run = spawnSync(process.execPath, [path.join(dir, 'dist/main.js')], { encoding: 'utf8' });
    assert.equal(run.stdout, '42', run.stderr);
    assert.equal(isFresh(dir), true);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('an edited, added or removed source makes the build stale', async () => {
  const dir = tree();
  try {
    await buildServer(dir);
    const twice = path.join(dir, 'src/shared/twice.ts');
    const later = new Date(fs.statSync(twice).mtimeMs + 5_000);
    fs.utimesSync(twice, later, later);
    assert.equal(isFresh(dir), false, 'edited');
    await buildServer(dir);
    assert.equal(isFresh(dir), true);

    fs.writeFileSync(path.join(dir, 'src/shared/more.ts'), 'export const more = 1;\n');
    assert.equal(isFresh(dir), false, 'added');
    await buildServer(dir);
    assert.equal(isFresh(dir), true);

    fs.rmSync(path.join(dir, 'src/shared/more.ts'));
    assert.equal(isFresh(dir), false, 'removed');

    // A test file is no part of the build: editing one leaves it fresh.
    await buildServer(dir);
    fs.writeFileSync(path.join(dir, 'src/shared/twice.test.ts'), '// changed\n');
    assert.equal(isFresh(dir), true, 'a test changed');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('the CLI runs dist/ when it is fresh and the sources otherwise, and says which', () => {
  // Whichever the checkout has now: the answer must follow isFresh, and ONEWINDOW_RUNTIME overrides it.
  const { ONEWINDOW_RUNTIME: _inherited, ...env } = process.env;
  const which = (extra: Record<string, string> = {}) =>
    spawnSync(process.execPath, [path.join(root, 'bin/onewindow.mjs'), 'version'], {
      env: { ...env, ...extra },
      encoding: 'utf8',
      timeout: 60_000,
    });
  const runtime = (r: ReturnType<typeof which>) => /^runtime: (\w+)/m.exec(r.stdout)?.[1];
  const expected = isFresh(root, sourceState(root)) ? 'dist' : 'tsx';
  const chosen = which();
  assert.match(chosen.stdout, /^onewindow \d+\.\d+\.\d+$/m, chosen.stderr);
  assert.equal(runtime(chosen), expected);
  assert.equal(runtime(which({ ONEWINDOW_RUNTIME: 'tsx' })), 'tsx');
  const bad = which({ ONEWINDOW_RUNTIME: 'bundle' });
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /ONEWINDOW_RUNTIME must be dist or tsx.*只能是/);
});
