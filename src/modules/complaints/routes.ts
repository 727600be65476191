import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { AppContext } from '../../server/context.js';
import { errorResponses } from '../../shared/schema-helpers.js';
import * as S from './schemas.js';
import { complaintModule } from './complaint-module.js';
import { submitComplaint } from './submit-complaint.js';
import { getComplaint } from './get-complaint.js';
import { listCategories, updateCategory } from './categories.js';
import { complaintStats } from './complaint-stats.js';
import { departmentQueue, supervisorView, workbench } from './list-complaints.js';
import { listDuplicates } from './list-duplicates.js';
import { getFeeContext } from './get-fee-context.js';
import { getAttachment } from './get-attachment.js';
import { complaintStepRoutes } from './routes-steps.js';
import { open311KeyRoutes } from './open311/routes-open311-keys.js';

const err = errorResponses(400, 401, 403, 404, 409, 422);
const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }) });

/** The reporting center (举报中心): intake, tracking, the ticket, lists, statistics, categories. */
export const complaintRoutes =
  (ctx: AppContext): FastifyPluginAsyncTypebox =>
  async (app) => {
    const m = complaintModule(ctx);
    const { deps } = m;
    const tags = ['complaints'];

    app.post(
      '/complaints',
      {
        bodyLimit: 40 * 1024 * 1024,
        schema: {
          tags,
          summary: 'Report a complaint, consultation, suggestion or praise (portal, window or account)',
          body: S.SubmitComplaintBody,
          response: { 201: S.SubmittedView, ...errorResponses(400, 401, 403, 413, 415, 422) },
        },
      },
      async (req, reply) => reply.status(201).send(await submitComplaint(deps, req.actor, req.body)),
    );

    app.get(
      '/complaints/track/:ticketNo',
      {
        schema: {
          tags: ['tracking'],
          summary:
            'Public tracking of a report with its ticket number and check code (wrong codes are rate-limited)',
          params: S.TicketParams,
          querystring: S.TrackQuery,
          response: { 200: S.TrackView, ...errorResponses(400, 404, 429) },
        },
      },
      async (req) => m.tracker.track(req.params.ticketNo, req.query.code, req.ip),
    );

    app.get(
      '/complaints/categories',
      {
        schema: {
          tags,
          summary: 'Report categories with their working-day limits',
          response: { 200: Type.Array(S.CategoryView) },
        },
      },
      async () => listCategories(deps),
    );

    app.put(
      '/complaints/categories/:code',
      {
        schema: {
          tags,
          summary: "Set a category's working-day limits or retire it (administrators)",
          params: S.CategoryParams,
          body: S.CategoryBody,
          response: { 200: S.CategoryView, ...err },
        },
      },
      async (req) => updateCategory(deps, req.actor, { code: req.params.code, ...req.body }),
    );

    app.get(
      '/complaints/stats',
      {
        schema: {
          tags,
          summary: 'Public statistics per department (withheld below the minimum number of tickets)',
          response: { 200: S.StatsView },
        },
      },
      async () => complaintStats(deps),
    );

    app.get(
      '/complaints/workbench',
      {
        schema: {
          tags,
          summary:
            "The reporting center's queues by step, deadline and colour, with the counts of every open ticket",
          querystring: S.QueueQuery,
          response: { 200: S.WorkbenchList, ...err },
        },
      },
      async (req) => workbench(deps, req.actor, req.query),
    );

    app.get(
      '/complaints/department',
      {
        schema: {
          tags,
          summary: "What the actor's department must handle (the reporter masked)",
          querystring: S.QueueQuery,
          response: { 200: S.QueueList, ...err },
        },
      },
      async (req) => departmentQueue(deps, req.actor, req.query),
    );

    app.get(
      '/complaints/supervision',
      {
        schema: {
          tags,
          summary: 'The supervisors: overdue tickets, returns and reopens',
          querystring: Type.Object({ limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }) }),
          response: { 200: S.SupervisorViewT, ...err },
        },
      },
      async (req) => supervisorView(deps, req.actor, req.query),
    );

    app.get(
      '/complaints/:id',
      {
        schema: {
          tags,
          summary: 'One ticket, the reporter masked unless the viewer may see who reported',
          params: IdParams,
          response: { 200: S.ComplaintView, ...err },
        },
      },
      async (req) => getComplaint(deps, req.actor, { id: req.params.id }),
    );

    app.get(
      '/complaints/:id/duplicates',
      {
        schema: {
          tags,
          summary: 'Likely duplicates of a ticket (merge suggestions for the dispatcher)',
          params: IdParams,
          response: { 200: Type.Object({ items: Type.Array(S.DuplicateView) }), ...err },
        },
      },
      async (req) => listDuplicates(deps, req.actor, { id: req.params.id }),
    );

    app.get(
      '/complaints/:id/fee-context',
      {
        schema: {
          tags,
          summary: "A 乱收费 report's fee form or receipt beside the published fee lines (supervisors)",
          params: IdParams,
          response: { 200: S.FeeContextView, ...err },
        },
      },
      async (req) => getFeeContext(deps, req.actor, { id: req.params.id }),
    );

    app.get(
      '/complaints/:id/attachments/:attachmentId',
      {
        schema: {
          tags,
          summary: "Download a ticket's attachment (whoever may read the ticket)",
          params: Type.Object({
            id: Type.String({ minLength: 1, maxLength: 100 }),
            attachmentId: Type.String({ minLength: 1, maxLength: 100 }),
          }),
        },
      },
      async (req, reply) => {
        const f = await getAttachment(deps, req.actor, req.params);
        return reply
          .type(f.mime)
          .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(f.name)}`)
          .send(f.data);
      },
    );

    await app.register(complaintStepRoutes(m));
    await app.register(open311KeyRoutes(ctx));
  };
