import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../server/context.js';

/** The in-app inbox. */
export const notificationRoutes = (_ctx: AppContext): FastifyPluginAsyncTypebox => async () => {};
