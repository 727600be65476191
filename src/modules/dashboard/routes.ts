import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../server/context.js';
import { errorResponses, IdParam } from '../../shared/schema-helpers.js';
import { dashboardDeps } from './dashboard-deps.js';
import { getItemActuals } from './item-actuals.js';
import { getDashboard } from './dashboard-figures.js';
import { getOpenDataFile, listOpenData } from './open-data.js';
import * as S from './schemas.js';

/** The public dashboard, each item's commitment against actuals, and the open data: no login. */
export const dashboardRoutes =
  (ctx: AppContext): FastifyPluginAsyncTypebox =>
  async (app) => {
    const deps = dashboardDeps(ctx);
    const tags = ['dashboard'];
    // Figures are kept a minute per instance; browsers and proxies may keep them as long.
    const cacheable = 'public, max-age=60';

    app.get(
      '/items/:id/actuals',
      {
        schema: {
          tags,
          summary: "An item's committed time limit against the last 12 months (by id or code)",
          params: IdParam,
          response: { 200: S.ItemActualsView, ...errorResponses(404) },
        },
      },
      async (req, reply) =>
        reply.header('cache-control', cacheable).send(await getItemActuals(deps, req.params.id)),
    );
    app.get(
      '/public/dashboard',
      {
        schema: {
          tags,
          summary: 'The public dashboard: per department and for the whole center, with periods and samples',
          response: { 200: S.DashboardView },
        },
      },
      async (_req, reply) => reply.header('cache-control', cacheable).send(await getDashboard(deps)),
    );
    app.get(
      '/public/open-data',
      {
        schema: {
          tags,
          summary: 'The open datasets: title, description, update time, licence, download links',
          response: { 200: S.OpenDataIndexView },
        },
      },
      async (_req, reply) => reply.header('cache-control', cacheable).send(await listOpenData(deps)),
    );
    app.get(
      '/public/open-data/:file',
      {
        schema: {
          tags,
          summary: 'One dataset as {dataset}.csv (UTF-8 with BOM) or {dataset}.json',
          params: S.OpenDataFileParam,
          response: {
            // The .json form; the .csv form is the same columns as text/csv (UTF-8 with BOM).
            200: S.OpenDataJsonView,
            ...errorResponses(404),
          },
        },
      },
      async (req, reply) => {
        const f = await getOpenDataFile(deps, req.params.file);
        reply.header('cache-control', cacheable);
        if (f.format === 'json')
          return reply.header('content-disposition', `inline; filename="${f.name}"`).send(f.body);
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="${f.name}"`)
          .send(f.body as never);
      },
    );
  };
