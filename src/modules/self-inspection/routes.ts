import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import multipart from '@fastify/multipart';
import type { AppContext } from '../../server/context.js';
import { AppError } from '../../server/errors.js';
import { errorResponses, IdParam } from '../../shared/schema-helpers.js';
import { MAX_FILE_BYTES } from '../cases/file-check.js';
import * as S from './schemas.js';
import { inspectionDeps } from './inspection-deps.js';
import { openCampaign } from './open-campaign.js';
import { fileReport } from './file-report.js';
import { reviewReport } from './review-report.js';
import { drawSpotChecks } from './spot-check.js';
import { addFoundProblem } from './add-found-problem.js';
import { rectifyProblem } from './rectify-problem.js';
import { publishSummary } from './publish-summary.js';
import {
  getCampaign,
  getRectificationEvidence,
  listCampaigns,
  listPublishedCampaigns,
} from './list-campaigns.js';

const err = errorResponses(400, 401, 403, 404, 409);
const one = { 200: S.CampaignView, ...err };

/** Self-inspection campaigns (自查自纠): open, file, follow up, rectify, publish the summary. */
export const selfInspectionRoutes =
  (ctx: AppContext): FastifyPluginAsyncTypebox =>
  async (app) => {
    const deps = inspectionDeps(ctx);
    const tags = ['self-inspection'];
    await app.register(multipart, { limits: { fileSize: MAX_FILE_BYTES, files: 1, fields: 5 } });

    app.get(
      '/public/self-inspection',
      {
        schema: { tags, summary: 'Published campaign summaries', response: { 200: S.CampaignList, ...err } },
      },
      async () => listPublishedCampaigns(deps),
    );
    app.get(
      '/self-inspection/campaigns',
      {
        schema: {
          tags,
          summary: 'Campaigns (a department sees those it takes part in)',
          response: { 200: S.CampaignList, ...err },
        },
      },
      async (req) => listCampaigns(deps, req.actor),
    );
    app.post(
      '/self-inspection/campaigns',
      {
        schema: {
          tags,
          summary: 'Open a campaign: topic, checklist, departments, deadline (supervisors)',
          body: S.OpenBody,
          response: { 201: S.CampaignView, ...err },
        },
      },
      async (req, reply) => reply.status(201).send(await openCampaign(deps, req.actor, req.body)),
    );
    app.get(
      '/self-inspection/campaigns/:id',
      { schema: { tags, summary: 'A campaign with its reports', params: IdParam, response: one } },
      async (req) => getCampaign(deps, req.actor, req.params.id),
    );
    app.post(
      '/self-inspection/campaigns/:id/spot-checks',
      {
        schema: {
          tags,
          summary: 'Draw a share of the filed reports for a spot check (抽查)',
          params: IdParam,
          body: S.SpotCheckBody,
          response: one,
        },
      },
      async (req) => drawSpotChecks(deps, req.actor, req.params.id, req.body.sharePct),
    );
    app.post(
      '/self-inspection/campaigns/:id/summary',
      {
        schema: {
          tags,
          summary: "Publish the campaign's summary",
          params: IdParam,
          body: S.SummaryBody,
          response: one,
        },
      },
      async (req) => publishSummary(deps, req.actor, req.params.id, req.body),
    );
    app.post(
      '/self-inspection/reports/:id/filing',
      {
        schema: {
          tags,
          summary: "File the department's report: checklist answers and problems found",
          params: IdParam,
          body: S.FileBody,
          response: one,
        },
      },
      async (req) => fileReport(deps, req.actor, req.params.id, req.body),
    );
    app.post(
      '/self-inspection/reports/:id/review',
      {
        schema: {
          tags,
          summary: 'Accept a report or send it back with reasons',
          params: IdParam,
          body: S.ReviewBody,
          response: one,
        },
      },
      async (req) => reviewReport(deps, req.actor, req.params.id, req.body),
    );
    app.post(
      '/self-inspection/reports/:id/problems',
      {
        schema: {
          tags,
          summary: 'Add a problem the department did not find (supervisors)',
          params: IdParam,
          body: S.ProblemInput,
          response: one,
        },
      },
      async (req) => addFoundProblem(deps, req.actor, req.params.id, req.body),
    );
    app.post(
      '/self-inspection/problems/:id/rectification',
      {
        schema: {
          tags,
          summary: 'Report a problem rectified: a note field, then the evidence file (multipart)',
          consumes: ['multipart/form-data'],
          params: IdParam,
          querystring: Type.Object({ version: Type.Integer({ minimum: 1 }) }),
          response: { 200: S.CampaignView, ...errorResponses(400, 401, 403, 404, 409, 413, 415) },
        },
      },
      async (req) => {
        if (!req.isMultipart())
          throw new AppError('unsupported_media_type', { type: req.headers['content-type'] ?? 'none' });
        const file = await req.file();
        if (!file)
          throw new AppError('validation_failed', { summary: '/file' }, [
            { path: '/file', code: 'required', zh: '请选择整改证明文件', en: 'No evidence file' },
          ]);
        const field = file.fields.note;
        const note = field && !Array.isArray(field) && field.type === 'field' ? String(field.value) : '';
        const data = await file.toBuffer().catch((e: Error & { code?: string }) => {
          throw e.code === 'FST_REQ_FILE_TOO_LARGE' ? new AppError('payload_too_large') : e;
        });
        return rectifyProblem(deps, req.actor, req.params.id, {
          version: req.query.version,
          note,
          file: { name: file.filename, data },
        });
      },
    );
    app.get(
      '/self-inspection/problems/:id/evidence',
      { schema: { tags, summary: "A rectification's evidence", params: IdParam } },
      async (req, reply) => {
        const f = await getRectificationEvidence(deps, req.actor, req.params.id);
        return reply
          .type(f.mime)
          .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(f.name)}`)
          .send(f.data);
      },
    );
  };
