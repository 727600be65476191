import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { AppContext } from '../../server/context.js';
import { errorResponses, IdParam } from '../../shared/schema-helpers.js';
import { conductDeps } from '../commitments/commitment-deps.js';
import * as S from './schemas.js';
import { openRound } from './open-round.js';
import { proposeChange } from './propose-change.js';
import { decideChange } from './decide-change.js';
import { applyDueFeeChanges } from './apply-due-changes.js';
import {
  getFeeReviewRound,
  listCatalogueVersions,
  listFeeChanges,
  listFeeReviewRounds,
} from './list-rounds.js';
import { authorizeApply } from './authorize-apply.js';

const err = errorResponses(400, 401, 403, 404, 409);

/** The periodic review of fees (清理收费): rounds, proposals, decisions, and the public list of cuts. */
export const feeReviewRoutes =
  (ctx: AppContext): FastifyPluginAsyncTypebox =>
  async (app) => {
    const deps = conductDeps(ctx);
    const tags = ['fee-review'];
    app.get(
      '/public/fee-changes',
      {
        schema: {
          tags,
          summary: 'Fees abolished and reduced, with dates and the yearly amount saved',
          response: { 200: S.PublicChanges, ...err },
        },
      },
      async () => listFeeChanges(deps),
    );
    app.get(
      '/public/fee-catalogue/versions',
      {
        schema: {
          tags,
          summary: "The fee catalogue's versions and what each changed",
          response: { 200: S.CatalogueVersions, ...err },
        },
      },
      async () => listCatalogueVersions(deps),
    );
    app.get(
      '/fee-review/rounds',
      { schema: { tags, summary: 'Review rounds', response: { 200: S.RoundList, ...err } } },
      async (req) => listFeeReviewRounds(deps, req.actor),
    );
    app.post(
      '/fee-review/rounds',
      {
        schema: {
          tags,
          summary:
            'Open a review round: each fee line goes to its department (the price and finance authority)',
          body: S.OpenRoundBody,
          response: { 201: S.RoundView, ...err },
        },
      },
      async (req, reply) => reply.status(201).send(await openRound(deps, req.actor, req.body)),
    );
    app.get(
      '/fee-review/rounds/:id',
      {
        schema: {
          tags,
          summary: 'A round and its lines (a department sees its own)',
          params: IdParam,
          response: { 200: S.RoundView, ...err },
        },
      },
      async (req) => getFeeReviewRound(deps, req.actor, req.params.id),
    );
    app.post(
      '/fee-review/lines/:id/proposal',
      {
        schema: {
          tags,
          summary: "The department's proposal: keep, reduce (to what) or abolish, with reasons",
          params: IdParam,
          body: S.ProposeBody,
          response: { 200: S.LineView, ...err },
        },
      },
      async (req) => proposeChange(deps, req.actor, req.params.id, req.body),
    );
    app.post(
      '/fee-review/lines/:id/decision',
      {
        schema: {
          tags,
          summary: 'Approve (with the date it takes effect) or send back',
          params: IdParam,
          body: S.DecideBody,
          response: { 200: S.LineView, ...err },
        },
      },
      async (req) => decideChange(deps, req.actor, req.params.id, req.body),
    );
    app.post(
      '/fee-review/apply',
      {
        schema: {
          tags,
          summary: 'Apply the changes due today now (the background pass does it too)',
          response: { 200: Type.Object({ applied: Type.Integer() }), ...err },
        },
      },
      async (req) => {
        authorizeApply(req.actor);
        return { applied: await applyDueFeeChanges(deps) };
      },
    );
  };
