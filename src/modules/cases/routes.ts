import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../server/context.js';

/** Case routes: intake, acceptance, review, decisions, documents, tracking. */
export const caseRoutes = (_ctx: AppContext): FastifyPluginAsyncTypebox => async () => {};
