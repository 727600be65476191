/**
 * `npm run drill -- <name> [<name> ...]`: runs drills/<name>.drill.ts (or every drill with `all`),
 * prints each one's figures and verdict, and exits 1 when any drill fails.
 *
 * A drill proves that the platform survives something bad: it starts and stops its own servers on
 * loopback, is bounded in time and in count, and ends with a verdict from its figures.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Drill, DrillResult } from './drill.js';

const dir = import.meta.dirname;
const available = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith('.drill.ts'))
  .map((f) => f.slice(0, -'.drill.ts'.length))
  .sort();
const wanted = process.argv.slice(2);
if (!wanted.length || wanted.includes('--help')) {
  console.log(`Usage: npm run drill -- <name> [<name> ...] | all\n\nDrills:`);
  for (const name of available) {
    const mod = (await import(pathToFileURL(path.join(dir, `${name}.drill.ts`)).href)) as { drill: Drill };
    console.log(`  ${name.padEnd(22)} ${mod.drill.summary}`);
  }
  process.exit(wanted.length ? 0 : 2);
}
const names = wanted.includes('all') ? available : wanted;
const unknown = names.filter((n) => !available.includes(n));
if (unknown.length) {
  console.error(`unknown drill: ${unknown.join(', ')} (there are: ${available.join(', ')})`);
  process.exit(2);
}

console.log(
  `machine: ${os.cpus()[0]?.model ?? 'unknown'}, ${os.cpus().length} cores, Node ${process.version}`,
);
const results: (DrillResult & { name: string; seconds: number })[] = [];
for (const name of names) {
  const mod = (await import(pathToFileURL(path.join(dir, `${name}.drill.ts`)).href)) as { drill: Drill };
  console.log(`\n## ${name}: ${mod.drill.summary}`);
  const t0 = performance.now();
  let r: DrillResult;
  try {
    r = await mod.drill.run((line) => console.log(`  ${line}`));
  } catch (e) {
    r = {
      passed: false,
      figures: {},
      verdict: `the drill itself failed: ${(e as Error).stack ?? String(e)}`,
    };
  }
  const seconds = Math.round((performance.now() - t0) / 100) / 10;
  console.table(r.figures);
  console.log(`${r.passed ? 'PASS' : 'FAIL'} ${name} (${seconds} s): ${r.verdict}`);
  results.push({ ...r, name, seconds });
}
fs.mkdirSync(path.join(dir, 'results'), { recursive: true });
fs.writeFileSync(
  path.join(dir, 'results', 'latest.json'),
  JSON.stringify({ at: new Date().toISOString(), results }, null, 2),
);
const failed = results.filter((r) => !r.passed);
console.log(`\n${results.length - failed.length} of ${results.length} drills passed`);
process.exit(failed.length ? 1 : 0);
