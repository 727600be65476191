#!/usr/bin/env node
// The CLI runs the compiled build in dist/ when it was built from the sources as they are now
// (`npm install` and `npm start` build it), else the TypeScript sources through tsx: after an edit
// it runs the edited code, just with tsx's compiler and module cache in memory. The choice is passed
// on (ONEWINDOW_RUNTIME) to the HTTP processes `serve` forks, so one server runs one version.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isFresh } from '../scripts/server-build.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const asked = process.env.ONEWINDOW_RUNTIME;
if (asked && asked !== 'dist' && asked !== 'tsx') {
  process.stderr.write(`ONEWINDOW_RUNTIME must be dist or tsx, got "${asked}" / ONEWINDOW_RUNTIME 只能是 dist 或 tsx\n`);
  process.exit(2);
}
const runtime = asked ?? (isFresh(root) ? 'dist' : 'tsx');
process.env.ONEWINDOW_RUNTIME = runtime;
if (runtime === 'dist') {
  await import('../dist/cli/main.js');
} else {
  (await import('tsx/esm/api')).register();
  await import('../src/cli/main.ts');
}
