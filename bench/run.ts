/**
 * `npm run bench`: runs every bench/*.bench.ts (or those named on the command line), prints a
 * table, and writes bench/results/latest.json with the machine it ran on.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BenchResult } from './working-days.bench.js';

const dir = import.meta.dirname;
const wanted = process.argv.slice(2);
const benches = fs.readdirSync(dir).filter((f) => f.endsWith('.bench.ts'));
// A name picks its own bench (`tracking`, not `tracking-mixed` too), else every bench it is part of.
const picks = (w: string) =>
  benches.includes(`${w}.bench.ts`) ? [`${w}.bench.ts`] : benches.filter((f) => f.includes(w));
const files = (wanted.length ? [...new Set(wanted.flatMap(picks))] : benches).sort();
const machine = {
  cpu: os.cpus()[0]?.model ?? 'unknown',
  cores: os.cpus().length,
  memoryGiB: Math.round(os.totalmem() / 2 ** 30),
  node: process.version,
  platform: `${os.type()} ${os.release()}`,
};
console.log(
  `machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, Node ${machine.node}`,
);
const all: (BenchResult & { file: string })[] = [];
for (const f of files) {
  const mod = (await import(pathToFileURL(path.join(dir, f)).href)) as { run: () => Promise<BenchResult> };
  const r = await mod.run();
  console.log(`\n## ${r.name} (${f})`);
  console.table(r.results);
  all.push({ ...r, file: f });
}
fs.mkdirSync(path.join(dir, 'results'), { recursive: true });
fs.writeFileSync(
  path.join(dir, 'results', 'latest.json'),
  JSON.stringify({ at: new Date().toISOString(), machine, benches: all }, null, 2),
);
