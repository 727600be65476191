import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { AppContext } from '../../server/context.js';
import { errorResponses, IdParam } from '../../shared/schema-helpers.js';
import * as S from './schemas.js';
import { inspectionDeps } from './inspection-deps.js';
import {
  enterpriseHistory,
  enterpriseSign,
  listPublicInspectors,
  listPublishedItems,
  listPublishedViolations,
  verifyCode,
} from './public-reads.js';
import { inspectionStats } from './inspection-stats.js';
import {
  complainAboutInspection,
  enterpriseRecord,
  rateInspection,
  signReceipt,
} from './enterprise-steps.js';
import { ratingDeps } from '../ratings/rating-deps.js';
import { Recorded } from '../ratings/schemas.js';
import { sendPdf } from './routes.js';

const err = errorResponses(400, 401, 403, 404, 409, 422);

/**
 * Enterprise inspections, the public and the enterprise's side: what each department publishes, the
 * verification page behind an enterprise's code, statistics, and the enterprise's own history,
 * sign, record, receipt and complaint (by its applicant account, or its code and check code).
 */
export const inspectionPublicRoutes =
  (ctx: AppContext): FastifyPluginAsyncTypebox =>
  async (app) => {
    const deps = inspectionDeps(ctx);
    const tags = ['inspections'];
    app.get(
      '/inspection-items',
      {
        schema: {
          tags,
          summary: "Each department's published inspection items (检查事项清单)",
          querystring: S.DepartmentQuery,
          response: { 200: Type.Array(S.ItemView), ...err },
        },
      },
      async (req) => listPublishedItems(deps, req.query.department),
    );
    app.get(
      '/inspection-standards',
      {
        schema: {
          tags,
          summary: "Each department's penalty discretion standards (行政处罚裁量基准)",
          querystring: S.DepartmentQuery,
          response: { 200: Type.Array(S.ViolationView), ...err },
        },
      },
      async (req) => listPublishedViolations(deps, req.query.department),
    );
    app.get(
      '/inspectors',
      {
        schema: {
          tags,
          summary: 'The inspectors (执法人员) with their certificate numbers and validity',
          querystring: S.DepartmentQuery,
          response: { 200: Type.Array(S.InspectorView), ...err },
        },
      },
      async (req) => listPublicInspectors(deps, req.query.department),
    );
    app.get(
      '/inspection-stats',
      {
        schema: {
          tags,
          summary: 'Per department: inspections, share joint, share with findings, complaints',
          querystring: S.YearQuery,
          response: { 200: S.StatsView, ...err },
        },
      },
      async (req) => inspectionStats(deps, req.query.year),
    );
    app.get(
      '/inspect/:code',
      {
        schema: {
          tags,
          summary: "The verification page behind an enterprise's code (扫码核验)",
          params: S.CodeParam,
          response: { 200: S.VerifyView, ...err },
        },
      },
      async (req) => verifyCode(deps, req.params.code),
    );
    app.get(
      '/enterprise/inspections',
      {
        schema: {
          tags,
          summary: "The enterprise's own inspections (its account, or code and check code)",
          querystring: S.Proof,
          response: { 200: S.HistoryView, ...err },
        },
      },
      async (req) => enterpriseHistory(deps, req.actor, req.query),
    );
    app.get(
      '/enterprise/sign',
      {
        schema: {
          tags,
          summary: "The enterprise's printable code sign (QR code as SVG) and its check code",
          querystring: S.Proof,
          response: { 200: S.SignView, ...err },
        },
      },
      async (req) => enterpriseSign(deps, req.actor, req.query),
    );
    app.get(
      '/enterprise/inspections/:id/record',
      {
        schema: {
          tags,
          summary: 'The inspection record (PDF), for the enterprise',
          params: IdParam,
          querystring: S.Proof,
        },
      },
      async (req, reply) => sendPdf(reply, await enterpriseRecord(deps, req.actor, req.params.id, req.query)),
    );
    app.post(
      '/enterprise/inspections/:id/receipt',
      {
        schema: {
          tags,
          summary: 'The enterprise signs for receipt of the inspection record',
          params: IdParam,
          body: S.Proof,
          response: { 200: S.Received, ...err },
        },
      },
      async (req) => ({ receivedAt: await signReceipt(deps, req.actor, req.params.id, req.body) }),
    );
    app.post(
      '/enterprise/inspections/:id/complaints',
      {
        schema: {
          tags,
          summary: 'Complain about the inspection to the reporting center, the inspection attached',
          params: IdParam,
          body: S.ComplainBody,
          response: { 201: S.Complained, ...err },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await complainAboutInspection(deps, req.actor, req.params.id, req.body)),
    );
    app.post(
      '/enterprise/inspections/:id/rating',
      {
        schema: {
          tags,
          summary: 'Rate a concluded inspection (好差评), once; a bad rating opens a rectification',
          params: IdParam,
          body: S.RateBody,
          response: { 201: Recorded, ...err },
        },
      },
      async (req, reply) =>
        reply
          .status(201)
          .send(await rateInspection(deps, ratingDeps(ctx), req.actor, req.params.id, req.body)),
    );
  };
