/**
 * Disclosure: searching the library of normative documents by plain words (jieba terms and
 * synonyms, ranked in application code) as it grows, and the overdue pass over many villages when
 * nothing is due (the usual pass: one read of villages, statements and recorded periods). SQLite
 * file, in process. `BENCH_DISCLOSURE_DOCS` and `BENCH_DISCLOSURE_VILLAGES` set the sizes.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { openDatabase } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { ManualClock } from '../src/shared/clock.js';
import { systemActor } from '../src/shared/actor.js';
import { seedDemo } from '../src/seed/seed-demo.js';
import { MemoryStorage } from '../src/modules/documents/storage.js';
import { departmentCodeMap } from '../src/modules/catalogue/catalogue-reads.js';
import { publishDocument } from '../src/modules/disclosure/publish-document.js';
import { registerVillage } from '../src/modules/disclosure/register-village.js';
import { publishStatement } from '../src/modules/disclosure/publish-statement.js';
import { searchDocuments } from '../src/modules/disclosure/search-documents.js';
import { signalOverdueDisclosures } from '../src/modules/disclosure/signal-overdue.js';
import type { BenchResult } from './working-days.bench.js';

const DOCS = Number(process.env.BENCH_DISCLOSURE_DOCS ?? 2000);
const VILLAGES = Number(process.env.BENCH_DISCLOSURE_VILLAGES ?? 500);
const QUERIES = ['低保 审核', '特种设备 使用登记', '城市基础设施配套费', '集体资产 公开', '临时救助'];
const TOPICS = ['最低生活保障', '特种设备', '城市基础设施配套费', '农村集体资产', '临时救助', '防空地下室'];

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) * p)]!;

export async function run(): Promise<BenchResult> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'onewindow-bench-disclosure-'));
  const handle = openDatabase({ sqliteFile: path.join(dir, 'bench.db') });
  try {
    const db = handle.db;
    await migrateToLatest(db);
    const clock = new ManualClock('2026-12-01T02:00:00.000Z');
    await seedDemo(db, clock);
    const deps = { db, clock, storage: new MemoryStorage() };
    const actor = systemActor('bench');
    for (let i = 0; i < DOCS; i++) {
      const topic = TOPICS[i % TOPICS.length]!;
      await publishDocument(deps, actor, {
        docNo: `清规〔${2000 + (i % 26)}〕${i + 1}号`,
        title: `清河市${topic}管理办法（第${i + 1}号）`,
        issuer: '清河市人民政府办公室',
        issuedOn: '2020-01-01',
        effectiveOn: '2020-02-01',
        body: `第一条 为规范${topic}工作，制定本办法。第二条 本办法适用于本市行政区域内的${topic}审核、登记、公开和监督管理。`.repeat(
          4,
        ),
        interpretation: `本办法明确了${topic}的审核时限和公开要求。`,
      });
    }
    const times: number[] = [];
    for (let round = 0; round < 20; round++)
      for (const q of QUERIES) {
        const t0 = performance.now();
        await searchDocuments(deps, { q, limit: 50 });
        times.push(performance.now() - t0);
      }

    const mzj = (await departmentCodeMap(db)).get('MZJ')!;
    for (let i = 0; i < VILLAGES; i++) {
      const v = await registerVillage(deps, actor, {
        code: `V${i}`,
        name: `第${i}村`,
        township: `第${i % 20}镇`,
        departmentId: mzj,
        discloseFrom: '2026-07-01',
      });
      await publishStatement(deps, actor, v.id, {
        period: '2026-Q3',
        income: [],
        expenditure: [],
        assets: [],
        majorMatters: [],
      });
    }
    const passes: number[] = [];
    for (let i = 0; i < 20; i++) {
      const t0 = performance.now();
      await signalOverdueDisclosures(deps);
      passes.push(performance.now() - t0);
    }
    return {
      name: 'disclosure',
      results: [
        { label: `search of ${DOCS} documents, p50`, value: +pct(times, 0.5).toFixed(2), unit: 'ms' },
        { label: `search of ${DOCS} documents, p95`, value: +pct(times, 0.95).toFixed(2), unit: 'ms' },
        {
          label: `overdue pass over ${VILLAGES} villages, nothing due, p50`,
          value: +pct(passes, 0.5).toFixed(2),
          unit: 'ms',
        },
      ],
    };
  } finally {
    await handle.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const r = await run();
  console.table(r.results);
}
