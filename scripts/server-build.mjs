// The server's compiled build: src/**/*.ts (tests left out) transpiled by esbuild into dist/, file for
// file, so dist/ mirrors src/ and every path a module takes relative to itself (web/dist, data/demo,
// the intake thread's entry) holds in both. The server runs from dist/ when the build matches the
// sources, and from the sources through tsx otherwise: the same code, but tsx keeps its compiler
// and every transformed module in memory, in each thread, which cost the server about 100 MB of
// resident memory (see BENCHMARKS.md on why that shows in tracking's p99).
//
// Plain JavaScript, so bin/onewindow.mjs can ask whether the build is fresh without loading tsx.
import fs from 'node:fs';
import path from 'node:path';

const MANIFEST = '.sources.json';

/** The sources a build is made of, each with its modification time (ms), sorted by path. */
export function sourceState(root) {
  const src = path.join(root, 'src');
  const out = {};
  for (const e of fs.readdirSync(src, { withFileTypes: true, recursive: true })) {
    if (!e.isFile() || !e.name.endsWith('.ts') || e.name.endsWith('.test.ts')) continue;
    const file = path.join(e.parentPath ?? e.path, e.name);
    out[path.relative(src, file).split(path.sep).join('/')] = fs.statSync(file).mtimeMs;
  }
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/**
 * Whether dist/ was built from exactly the sources there are now: the same files with the same
 * modification times. Any edit, new file or removed file makes it stale (a checkout sets new times).
 */
export function isFresh(root, state = sourceState(root)) {
  let built;
  try {
    built = JSON.parse(fs.readFileSync(path.join(root, 'dist', MANIFEST), 'utf8'));
  } catch {
    return false;
  }
  const now = Object.entries(state);
  const then = Object.entries(built ?? {});
  return (
    now.length === then.length && now.every(([file, mtime], i) => then[i][0] === file && then[i][1] === mtime)
  );
}

/**
 * Builds dist/ from src/. It is built beside and then put in place, so a server starting meanwhile
 * finds either the old build (stale: it runs the sources) or the new one, never half of one.
 */
export async function buildServer(root) {
  const { build } = await import('esbuild');
  const state = sourceState(root);
  const dist = path.join(root, 'dist');
  const next = path.join(root, `dist.${process.pid}.tmp`);
  fs.rmSync(next, { recursive: true, force: true });
  try {
    await build({
      entryPoints: Object.keys(state).map((f) => path.join(root, 'src', f)),
      outdir: next,
      outbase: path.join(root, 'src'),
      format: 'esm',
      platform: 'node',
      target: 'node20',
      logLevel: 'warning',
    });
    fs.writeFileSync(path.join(next, MANIFEST), JSON.stringify(state));
    fs.rmSync(dist, { recursive: true, force: true });
    fs.renameSync(next, dist);
  } finally {
    fs.rmSync(next, { recursive: true, force: true });
  }
  return Object.keys(state).length;
}
