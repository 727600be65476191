#!/usr/bin/env node
// `npm run build:server`: transpiles src/ into dist/ (see server-build.mjs). With --if-stale it does
// nothing when dist/ already matches the sources, so `npm start` can run it every time.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { buildServer, isFresh } from './server-build.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
if (process.argv.includes('--if-stale') && isFresh(root)) process.exit(0);
const started = performance.now();
const files = await buildServer(root);
process.stderr.write(
  `server built into dist/: ${files} modules in ${Math.round(performance.now() - started)} ms\n`,
);
