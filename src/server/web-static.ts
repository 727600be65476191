import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';

export const WEB_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/dist');

/**
 * Serves the built web application at / (built by `npm install`, see web/). Paths that are not API
 * and not a file get index.html, so the browser router can take them.
 */
export async function installWebApp(app: FastifyInstance, dist = WEB_DIST): Promise<boolean> {
  if (!fs.existsSync(path.join(dist, 'index.html'))) {
    app.log.warn({ dist }, 'web application not built (run npm run build:web); serving the API only');
    return false;
  }
  await app.register(fastifyStatic, {
    root: dist,
    prefix: '/',
    wildcard: false,
    index: ['index.html'],
    maxAge: '1h',
    immutable: false,
  });
  return true;
}

/**
 * Whether a request that matched no route should get the web application's index.html: browser
 * routes do; API paths and missing build assets (/assets/…) get a real 404.
 */
export const wantsWebApp = (method: string, url: string): boolean =>
  method === 'GET' && !/^\/(api\/|assets\/|metrics|healthz|readyz)/.test(url);
