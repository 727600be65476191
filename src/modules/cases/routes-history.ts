import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { AppContext } from '../../server/context.js';
import { errorResponses } from '../../shared/schema-helpers.js';
import type { CaseTracker } from './track-case.js';
import { downloadHistory } from './download-history.js';
import { getChainHead } from './get-chain-head.js';
import { getCaseHistory } from './get-case-history.js';
import { ChainHead, HistoryDownload } from './schemas-history.js';

const attachment = (name: string) => `attachment; filename*=UTF-8''${encodeURIComponent(name)}`;

/** The verifiable history: a case's for its applicant, and the global chain's head for everyone. */
export const historyRoutes =
  (ctx: AppContext, tracker: CaseTracker): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.get(
      '/track/:receiptNo/history',
      {
        schema: {
          tags: ['tracking'],
          summary:
            'Download the case history to verify offline (`onewindow history verify`; docs/history-verification.md), with the receipt number and check code',
          params: Type.Object({ receiptNo: Type.String({ minLength: 4, maxLength: 30 }) }),
          querystring: Type.Object({ code: Type.String({ minLength: 4, maxLength: 20 }) }),
          response: { 200: HistoryDownload, ...errorResponses(400, 404, 429) },
        },
      },
      async (req, reply) => {
        const h = await downloadHistory(ctx.db, ctx.clock, tracker, {
          ...req.params,
          ...req.query,
          ip: req.ip,
        });
        return reply
          .header('content-disposition', attachment(`history-${h.receiptNo}.json`))
          .header('cache-control', 'no-store')
          .send(h);
      },
    );

    app.get(
      '/cases/:id/history',
      {
        schema: {
          tags: ['cases'],
          summary:
            'The case history to verify offline, as the tracking download gives it (for whoever may read the case)',
          params: Type.Object({ id: Type.String({ maxLength: 100 }) }),
          response: { 200: HistoryDownload, ...errorResponses(401, 403, 404) },
        },
      },
      async (req, reply) => {
        const h = await getCaseHistory(ctx.db, ctx.clock, req.actor, req.params.id);
        return reply
          .header('content-disposition', attachment(`history-${h.receiptNo}.json`))
          .header('cache-control', 'no-store')
          .send(h);
      },
    );

    app.get(
      '/transparency/head',
      {
        schema: {
          tags: ['tracking'],
          summary: "The global event chain's head (height, hash, time): record it to hold the history to it",
          response: { 200: ChainHead },
        },
      },
      async (_req, reply) =>
        reply.header('cache-control', 'no-store').send(await getChainHead(ctx.db, ctx.clock)),
    );
  };
