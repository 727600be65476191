/**
 * Fuzzing every route of the OpenAPI document over real HTTP, anonymous and as each demo role:
 * hostile values for every parameter and body member (NUL, huge numbers, 1e400, -1, deep nesting,
 * long strings, wrong types, impossible dates, unicode, empty and wrongly typed bodies) and
 * valid-looking ones, with the CSRF token on unsafe methods, in Chinese and in English. Bounded in
 * count and time per database. Passes with no 5xx and every 4xx problem+json in the asked language.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Drill } from './drill.js';
import { pgReachable, startServer } from '../bench/server-process.js';
import { httpTransport } from '../test/probe/transport.js';
import { demoIdentities, probeResources } from '../test/probe/demo-identities.js';
import { runFuzz, type FuzzFailure, type FuzzFigures } from '../test/probe/fuzz-run.js';

const MAX_REQUESTS = Number(process.env.FUZZ_MAX_REQUESTS ?? 50_000);
const MAX_SECONDS = Number(process.env.FUZZ_MAX_SECONDS ?? 180);

export const drill: Drill = {
  summary: 'hostile requests to every OpenAPI route, anonymous and per role: 0 5xx, every 4xx problem+json',
  run: async (log) => {
    const dialects = (await pgReachable()) ? (['sqlite', 'postgres'] as const) : (['sqlite'] as const);
    const figures: Record<string, number | string> = {};
    const failures: (FuzzFailure & { dialect: string })[] = [];
    let bad = 0;
    for (const dialect of dialects) {
      log(`${dialect}: starting a server`);
      const server = await startServer(dialect);
      try {
        const send = httpTransport(`http://127.0.0.1:${server.port}`);
        const doc = JSON.parse(
          (await send({ method: 'GET', url: '/api/v1/openapi.json', headers: {} })).body,
        );
        const identities = await demoIdentities(send);
        const r = await runFuzz(send, doc, identities, {
          maxRequests: MAX_REQUESTS,
          maxMs: MAX_SECONDS * 1000,
          concurrency: 8,
          seed: 17,
          ids: await probeResources(send, identities),
        });
        log(`${dialect}: ${JSON.stringify(r.figures)}`);
        for (const [k, v] of Object.entries(r.figures) as [keyof FuzzFigures, number][])
          figures[`${dialect} ${k}`] = v;
        bad += r.figures['5xx'] + r.figures.nonProblem + r.figures.wrongLanguage;
        failures.push(...r.failures.map((f) => ({ ...f, dialect })));
      } finally {
        await server.stop();
      }
    }
    const out = path.join(import.meta.dirname, 'results', 'fuzz-failures.json');
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, JSON.stringify(failures, null, 2));
    for (const f of failures.slice(0, 10)) log(`${f.dialect} ${f.why}: ${f.who} ${f.request} → ${f.status}`);
    return {
      passed: bad === 0,
      figures,
      verdict:
        bad === 0
          ? `no 5xx and every 4xx problem+json in the asked language, on ${dialects.join(' and ')}`
          : `${bad} bad answers (examples in drills/results/fuzz-failures.json)`,
    };
  },
};
