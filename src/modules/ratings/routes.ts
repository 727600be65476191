import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { type Static, type TSchema } from '@sinclair/typebox';
import type { AppContext } from '../../server/context.js';
import type { Actor } from '../../shared/actor.js';
import { errorResponses, IdParam } from '../../shared/schema-helpers.js';
import * as S from './schemas.js';
import { ratingDeps } from './rating-deps.js';
import { rateOnline } from './rate-online.js';
import { rateOnSite } from './rate-on-site.js';
import { pendingOnSite } from './pending-on-site.js';
import { rateByPhone } from './rate-by-phone.js';
import { acknowledgeRectification } from './acknowledge-rectification.js';
import { answerRectification } from './answer-rectification.js';
import { completeRectification } from './complete-rectification.js';
import { recordRatingCallback } from './record-callback.js';
import { fileAppeal } from './file-appeal.js';
import { decideAppeal } from './decide-appeal.js';
import {
  getAppeal,
  getRating,
  getRectification,
  listAppeals,
  listRatings,
  listRectifications,
} from './list-ratings.js';
import { getRatingStats } from './get-rating-stats.js';
import { INDICATOR_NAMES, INDICATORS, LEVEL_NAMES, LEVELS } from './levels.js';

const err = errorResponses(400, 401, 403, 404, 409, 429);

/** Service ratings (好差评): the channels, rectifications and call-backs, appeals, publication. */
export const ratingRoutes =
  (ctx: AppContext): FastifyPluginAsyncTypebox =>
  async (app) => {
    const deps = ratingDeps(ctx);
    const tags = ['ratings'];
    const rate = <B extends TSchema>(
      path: string,
      summary: string,
      body: B,
      run: (b: Static<B>, a: Actor) => Promise<{ id: string; rectificationId: string | null }>,
    ) =>
      app.post(
        `/ratings/${path}`,
        { schema: { tags, summary, body, response: { 201: S.Recorded, ...err } } },
        async (req, reply) => reply.status(201).send(await run(req.body, req.actor)),
      );
    rate(
      'online',
      'Rate a matter online after it ended (the applicant, or anyone with its check code)',
      S.OnlineBody,
      (b, a) => rateOnline(deps, a, b),
    );
    rate(
      'on-site',
      "Rate a visit on the window's tablet (评价器), by its queue ticket",
      S.OnSiteBody,
      (b, a) => rateOnSite(deps, a, b),
    );
    app.get(
      '/ratings/on-site/pending',
      {
        schema: {
          tags,
          summary: "The window tablet's prompt: the visit last served at its window, not yet rated (or null)",
          response: { 200: S.PendingOnSite, ...err },
        },
      },
      async (req) => ({ visit: await pendingOnSite(deps, req.actor) }),
    );
    rate('phone', 'Enter a rating given by phone (hotline staff)', S.PhoneBody, (b, a) =>
      rateByPhone(deps, a, b),
    );

    app.get(
      '/ratings/indicators',
      {
        schema: {
          tags,
          summary: 'The five levels and the national indicator sets',
          response: { 200: S.IndicatorInfo },
        },
      },
      async () => ({
        levels: LEVELS.map((level) => ({ level, ...LEVEL_NAMES[level]! })),
        sets: Object.fromEntries(
          Object.entries(INDICATORS).map(([k, codes]) => [
            k,
            codes.map((code) => ({ code, ...INDICATOR_NAMES[code] })),
          ]),
        ),
      }),
    );
    app.get(
      '/ratings/stats',
      {
        schema: {
          tags,
          summary:
            'Published ratings, satisfaction and rectifications per department, item or window; exclusions',
          querystring: S.StatsQuery,
          response: { 200: S.StatsView, ...err },
        },
      },
      async (req) => getRatingStats(ctx.db, ctx.clock, req.query),
    );
    app.get(
      '/ratings',
      {
        schema: {
          tags,
          summary: 'Ratings (without the rater, for the rated department)',
          querystring: S.RatingQuery,
          response: { 200: S.RatingPage, ...err },
        },
      },
      async (req) => ({
        ...(await listRatings(deps, req.actor, req.query)),
        page: req.query.page,
        pageSize: req.query.pageSize,
      }),
    );
    app.get(
      '/ratings/:id',
      { schema: { tags, summary: 'A rating', params: IdParam, response: { 200: S.RatingView, ...err } } },
      async (req) => getRating(deps, req.actor, req.params.id),
    );
    app.post(
      '/ratings/:id/appeal',
      {
        schema: {
          tags,
          summary: 'Appeal a rating as mistaken or malicious (the rated department head)',
          params: IdParam,
          body: S.AppealBody,
          response: { 201: S.AppealView, ...err },
        },
      },
      async (req, reply) => {
        const id = await fileAppeal(deps, req.actor, { ratingId: req.params.id, ...req.body });
        return reply.status(201).send(await getAppeal(deps, req.actor, id));
      },
    );

    app.get(
      '/rating-rectifications',
      {
        schema: {
          tags,
          summary: "Rectifications of bad ratings (a department's own; callbackPending: call-backs to make)",
          querystring: S.RectificationQuery,
          response: { 200: S.RectificationPage, ...err },
        },
      },
      async (req) => ({
        ...(await listRectifications(deps, req.actor, req.query)),
        page: req.query.page,
        pageSize: req.query.pageSize,
      }),
    );
    const step = <B extends TSchema>(
      path: string,
      summary: string,
      body: B,
      run: (id: string, b: Static<B>, a: Actor) => Promise<unknown>,
    ) =>
      app.post(
        `/rating-rectifications/:id/${path}`,
        { schema: { tags, summary, params: IdParam, body, response: { 200: S.RectificationView, ...err } } },
        async (req) => {
          await run(req.params.id, req.body, req.actor);
          return getRectification(deps, req.actor, req.params.id);
        },
      );
    step('acknowledge', 'Acknowledge the bad rating (签收)', S.VersionBody, (id, b, a) =>
      acknowledgeRectification(deps, a, { id, ...b }),
    );
    step('answer', 'Answer: the cause and what will be done (答复)', S.AnswerBody, (id, b, a) =>
      answerRectification(deps, a, { id, ...b }),
    );
    step('rectify', 'Rectified: the measures taken (整改完成)', S.RectifyBody, (id, b, a) =>
      completeRectification(deps, a, { id, ...b }),
    );
    step('callback', 'Record the call-back to a real-name bad rater (回访)', S.CallbackBody, (id, b, a) =>
      recordRatingCallback(deps, a, { id, ...b }),
    );

    app.get(
      '/rating-appeals',
      {
        schema: {
          tags,
          summary: 'Appeals against ratings',
          querystring: S.AppealQuery,
          response: { 200: S.AppealPage, ...err },
        },
      },
      async (req) => ({
        ...(await listAppeals(deps, req.actor, req.query)),
        page: req.query.page,
        pageSize: req.query.pageSize,
      }),
    );
    app.post(
      '/rating-appeals/:id/decision',
      {
        schema: {
          tags,
          summary:
            "The supervisors' decision on an appeal, with reasons; an excluded rating is published as excluded",
          params: IdParam,
          body: S.DecisionBody,
          response: { 200: S.AppealView, ...err },
        },
      },
      async (req) => {
        await decideAppeal(deps, req.actor, { id: req.params.id, ...req.body });
        return getAppeal(deps, req.actor, req.params.id);
      },
    );
  };
