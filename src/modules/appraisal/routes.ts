import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../server/context.js';
import { errorResponses, IdParam } from '../../shared/schema-helpers.js';
import * as S from './schemas.js';
import { appraisalDeps } from './appraisal-deps.js';
import { openCampaign } from './open-campaign.js';
import { issueCodes } from './issue-codes.js';
import { castBallot } from './cast-ballot.js';
import { publishResults } from './publish-results.js';
import { reportAppraisalRectification } from './report-rectification.js';
import { getCampaign, listCampaigns } from './get-campaign.js';

const err = errorResponses(400, 401, 403, 404, 409, 429);

/** Democratic appraisal (民主评议政风行风): campaigns, one-time ballot codes, anonymous ballots, results. */
export const appraisalRoutes =
  (ctx: AppContext): FastifyPluginAsyncTypebox =>
  async (app) => {
    const deps = appraisalDeps(ctx);
    const tags = ['appraisal'];
    app.get(
      '/appraisals',
      {
        schema: {
          tags,
          summary: 'Appraisal campaigns and their published results',
          response: { 200: S.CampaignList, ...err },
        },
      },
      async (req) => listCampaigns(deps, req.actor),
    );
    app.get(
      '/appraisals/:id',
      {
        schema: {
          tags,
          summary: 'A campaign: what is appraised, and the results once published',
          params: IdParam,
          response: { 200: S.CampaignView, ...err },
        },
      },
      async (req) => getCampaign(deps, req.actor, req.params.id),
    );
    app.post(
      '/appraisals',
      {
        schema: {
          tags,
          summary: 'Open a campaign (administrators)',
          body: S.OpenCampaignBody,
          response: { 201: S.CampaignView, ...err },
        },
      },
      async (req, reply) => {
        const id = await openCampaign(deps, req.actor, req.body);
        return reply.status(201).send(await getCampaign(deps, req.actor, id));
      },
    );
    app.post(
      '/appraisals/:id/codes',
      {
        schema: {
          tags,
          summary:
            'Issue a batch of one-time ballot codes for a category of the panel (shown once; only hashes kept)',
          params: IdParam,
          body: S.IssueCodesBody,
          response: { 201: S.IssuedCodes, ...err },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await issueCodes(deps, req.actor, { campaignId: req.params.id, ...req.body })),
    );
    app.post(
      '/appraisals/:id/ballots',
      {
        schema: {
          tags,
          summary: 'Vote with a one-time code: every department on every dimension (满意/基本满意/不满意)',
          params: IdParam,
          body: S.BallotBody,
          response: { 201: S.BallotAccepted, ...err },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await castBallot(deps, req.actor, { campaignId: req.params.id, ...req.body })),
    );
    app.post(
      '/appraisals/:id/publish',
      {
        schema: {
          tags,
          summary:
            'Close voting and publish the results; the bottom departments rectify and are appraised again',
          params: IdParam,
          body: S.VersionBody,
          response: { 200: S.CampaignView, ...err },
        },
      },
      async (req) => {
        await publishResults(deps, req.actor, { id: req.params.id, ...req.body });
        return getCampaign(deps, req.actor, req.params.id);
      },
    );
    app.post(
      '/appraisal-rectifications/:id/report',
      {
        schema: {
          tags,
          summary: "A bottom department's report of its rectification (its head)",
          params: IdParam,
          body: S.ReportBody,
          response: { 200: S.BallotAccepted, ...err },
        },
      },
      async (req) => {
        await reportAppraisalRectification(deps, req.actor, { id: req.params.id, ...req.body });
        return { accepted: true };
      },
    );
  };
