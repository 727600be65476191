/**
 * The access matrix, route × role, over real HTTP: every route of the OpenAPI document probed as the
 * visitor and as each demo role, compared with the roles its declared policy rule (x-policy,
 * src/server/route-policies.ts) can ever admit. Passes when no role reaches a route its rule never
 * admits, no role is refused a route its rule admits whatever the resource, and every route
 * declares a rule. The matrix is written to drills/results/access-matrix.{txt,json}.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Drill } from './drill.js';
import { pgReachable, startServer } from '../bench/server-process.js';
import { httpTransport } from '../test/probe/transport.js';
import { demoIdentities, probeResources } from '../test/probe/demo-identities.js';
import { matrixText, probeAccessMatrix } from '../test/probe/access-matrix.js';

export const drill: Drill = {
  summary:
    'route × role from the OpenAPI document against the policy rules: no role reaches what its rule never admits',
  run: async (log) => {
    const dialect = (await pgReachable()) ? 'postgres' : 'sqlite';
    log(`${dialect}: starting a server`);
    const server = await startServer(dialect);
    try {
      const send = httpTransport(`http://127.0.0.1:${server.port}`);
      const doc = JSON.parse((await send({ method: 'GET', url: '/api/v1/openapi.json', headers: {} })).body);
      const identities = await demoIdentities(send);
      const r = await probeAccessMatrix(send, doc, identities, await probeResources(send, identities));
      const dir = path.join(import.meta.dirname, 'results');
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(path.join(dir, 'access-matrix.txt'), `${matrixText(r.rows)}\n`);
      fs.writeFileSync(path.join(dir, 'access-matrix.json'), JSON.stringify(r, null, 2));
      for (const f of r.findings.slice(0, 20)) log(`${f.why}: ${f.role} ${f.route} → ${f.status}`);
      const undeclared = r.findings.filter((f) => f.why === 'no policy rule declared').length;
      return {
        passed: r.findings.length === 0,
        figures: {
          database: dialect,
          ...r.figures,
          findings: r.findings.length,
          'routes without a rule': undeclared,
        },
        verdict: r.findings.length
          ? `${r.findings.length} findings (drills/results/access-matrix.json)`
          : `${r.figures.routes} routes × ${r.figures.probes / r.figures.routes} identities agree with their rules (matrix in drills/results/access-matrix.txt)`,
      };
    } finally {
      await server.stop();
    }
  },
};
