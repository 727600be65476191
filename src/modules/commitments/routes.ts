import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import multipart from '@fastify/multipart';
import type { AppContext } from '../../server/context.js';
import { readSingleUpload } from '../../server/read-upload.js';
import { errorResponses, IdParam } from '../../shared/schema-helpers.js';
import { MAX_FILE_BYTES } from '../cases/file-check.js';
import * as S from './schemas.js';
import { conductDeps } from './commitment-deps.js';
import { publishCommitment } from './publish-commitment.js';
import { getCommitment, listCommitments, listPublicCommitments } from './list-commitments.js';
import { recordMilestone } from './record-milestone.js';
import { addEvidence } from './add-evidence.js';
import { getEvidence } from './get-evidence.js';
import { judgeCommitment } from './judge-commitment.js';
import { explainCommitment } from './explain-commitment.js';

const err = errorResponses(400, 401, 403, 404, 409);
const attachment = (name: string) => `attachment; filename*=UTF-8''${encodeURIComponent(name)}`;

/** Period commitments (部门承诺): published goals, their progress, assessment and explanation. */
export const commitmentRoutes =
  (ctx: AppContext): FastifyPluginAsyncTypebox =>
  async (app) => {
    const deps = conductDeps(ctx);
    const tags = ['commitments'];
    await app.register(multipart, { limits: { fileSize: MAX_FILE_BYTES, files: 1, fields: 5 } });

    app.get(
      '/public/departments/:id/commitments',
      {
        schema: {
          tags,
          summary: "A department's published commitments with their progress (by id or code)",
          params: S.DepartmentParam,
          querystring: Type.Object({ period: S.ListQuery.properties.period }),
          response: { 200: S.CommitmentList, ...err },
        },
      },
      async (req) => listPublicCommitments(deps, req.params.id, req.query.period),
    );
    app.get(
      '/commitments',
      {
        schema: {
          tags,
          summary: 'Commitments: supervisors see every department, staff their own',
          querystring: S.ListQuery,
          response: { 200: S.CommitmentList, ...err },
        },
      },
      async (req) => listCommitments(deps, req.actor, req.query),
    );
    app.post(
      '/commitments',
      {
        schema: {
          tags,
          summary: "Publish a commitment for a year or quarter (the department's head)",
          body: S.PublishBody,
          response: { 201: S.CommitmentView, ...err },
        },
      },
      async (req, reply) => reply.status(201).send(await publishCommitment(deps, req.actor, req.body)),
    );
    app.get(
      '/commitments/:id',
      {
        schema: {
          tags,
          summary: 'A commitment (public)',
          params: IdParam,
          response: { 200: S.CommitmentView, ...err },
        },
      },
      async (req) => getCommitment(deps, req.params.id),
    );
    app.post(
      '/commitments/:id/milestones/:seq/done',
      {
        schema: {
          tags,
          summary: 'Record a milestone as reached',
          params: S.MilestoneParam,
          body: S.MilestoneDoneBody,
          response: { 200: S.CommitmentView, ...err },
        },
      },
      async (req) => recordMilestone(deps, req.actor, req.params.id, req.params.seq, req.body.note),
    );
    app.post(
      '/commitments/:id/evidence',
      {
        schema: {
          tags,
          summary: 'Upload evidence (PDF, JPEG or PNG, checked by content; ≤ 20 MB)',
          consumes: ['multipart/form-data'],
          params: IdParam,
          querystring: S.EvidenceQuery,
          response: { 200: S.CommitmentView, ...errorResponses(400, 401, 403, 404, 409, 413, 415) },
        },
      },
      async (req) =>
        addEvidence(deps, req.actor, req.params.id, req.query.milestoneSeq, await readSingleUpload(req)),
    );
    app.get(
      '/commitments/:id/evidence/:evidenceId',
      { schema: { tags, summary: 'Download published evidence', params: S.EvidenceParam } },
      async (req, reply) => {
        const f = await getEvidence(deps, req.params.id, req.params.evidenceId);
        return reply.type(f.mime).header('content-disposition', attachment(f.name)).send(f.data);
      },
    );
    app.post(
      '/commitments/:id/judgement',
      {
        schema: {
          tags,
          summary: 'Mark kept or not kept what no figure decides (supervisors)',
          params: IdParam,
          body: S.JudgeBody,
          response: { 200: S.CommitmentView, ...err },
        },
      },
      async (req) => judgeCommitment(deps, req.actor, req.params.id, req.body),
    );
    app.post(
      '/commitments/:id/explanation',
      {
        schema: {
          tags,
          summary: 'Publish why a commitment was not kept (the department head)',
          params: IdParam,
          body: S.ExplainBody,
          response: { 200: S.CommitmentView, ...err },
        },
      },
      async (req) => explainCommitment(deps, req.actor, req.params.id, req.body),
    );
  };
