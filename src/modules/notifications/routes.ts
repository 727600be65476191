import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { AppContext } from '../../server/context.js';
import { errorResponses, IdParam, Nullable, PageQuery, toLimitOffset } from '../../shared/schema-helpers.js';
import { listInbox } from './list-inbox.js';
import { markMessageRead } from './mark-message-read.js';
import { presentMessage } from './presenter.js';
import { pickLang } from '../../server/errors.js';

const MessageView = Type.Object(
  {
    id: Type.String(),
    kind: Type.String(),
    title: Type.String(),
    body: Type.String(),
    subjectType: Nullable(Type.String()),
    subjectId: Nullable(Type.String()),
    createdAt: Type.String(),
    readAt: Nullable(Type.String()),
  },
  { description: 'a message in the in-app inbox, in the language of its recipient' },
);

/** The language a reader asks for, if they ask (the web app always does); null keeps the stored text. */
const readerLang = (h: string | undefined) => (h ? pickLang(h) : null);

/** The in-app inbox. */
export const notificationRoutes =
  (ctx: AppContext): FastifyPluginAsyncTypebox =>
  async (app) => {
    const { db, clock } = ctx;
    const tags = ['notifications'];

    app.get(
      '/inbox',
      {
        schema: {
          tags,
          summary: "The logged-in user's messages, newest first, with the unread count",
          querystring: Type.Composite([
            PageQuery,
            Type.Object({ unread: Type.Boolean({ default: false, description: 'only unread messages' }) }),
          ]),
          response: {
            200: Type.Object({
              items: Type.Array(MessageView),
              total: Type.Integer(),
              unread: Type.Integer(),
              page: Type.Integer(),
              pageSize: Type.Integer(),
            }),
            ...errorResponses(400, 401),
          },
        },
      },
      async (req) => {
        const q = req.query;
        const { rows, total, unread } = await listInbox(db, req.actor, {
          unreadOnly: q.unread,
          ...toLimitOffset(q),
        });
        const lang = readerLang(req.headers['accept-language']);
        return {
          items: rows.map((r) => presentMessage(r, lang)),
          total,
          unread,
          page: q.page,
          pageSize: q.pageSize,
        };
      },
    );

    app.post(
      '/inbox/:id/read',
      {
        schema: {
          tags,
          summary: 'Mark one of your own messages read',
          params: IdParam,
          response: {
            200: Type.Object({ message: MessageView, unread: Type.Integer() }),
            ...errorResponses(401, 403, 404),
          },
        },
      },
      async (req) => {
        const { message, unread } = await markMessageRead(db, clock, req.actor, req.params.id);
        return { message: presentMessage(message, readerLang(req.headers['accept-language'])), unread };
      },
    );
  };
