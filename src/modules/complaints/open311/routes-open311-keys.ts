import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../../server/context.js';
import { errorResponses } from '../../../shared/schema-helpers.js';
import { complaintModule } from '../complaint-module.js';
import * as S from './schemas-open311.js';
import { issueOpen311Key } from './issue-open311-key.js';

/** Administrators issue Open311 api_keys (under /api/v1, with the session and CSRF of the staff UI). */
export const open311KeyRoutes =
  (ctx: AppContext): FastifyPluginAsyncTypebox =>
  async (app) => {
    const { deps } = complaintModule(ctx);
    app.post(
      '/open311/keys',
      {
        schema: {
          tags: ['open311'],
          summary: 'Issue an Open311 api_key (administrators; the key is shown once)',
          body: S.IssueKeyBody,
          response: { 201: S.IssuedKey, ...errorResponses(400, 401, 403) },
        },
      },
      async (req, reply) => reply.status(201).send(await issueOpen311Key(deps, req.actor, req.body)),
    );
  };
