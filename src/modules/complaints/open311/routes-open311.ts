import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type, type TSchema } from '@sinclair/typebox';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../../server/context.js';
import { AppError, pickLang, toProblem } from '../../../server/errors.js';
import { appErrorOf } from '../../../server/error-handler.js';
import { complaintModule } from '../complaint-module.js';
import * as S from './schemas-open311.js';
import { objectToXml, toXml } from './xml.js';
import { getOpen311Definition, listOpen311Services } from './open311-services.js';
import { postOpen311Request, type Form } from './post-open311-request.js';
import { getOpen311Request, listOpen311Requests, resolveOpen311Token } from './list-open311-requests.js';

const FORMATS = ['json', 'xml'] as const;
type Format = (typeof FORMATS)[number];
const tags = ['open311'];

/** The spec's error list, [{code, description}], in the format the URL asked for. */
function sendErrors(req: FastifyRequest, reply: FastifyReply, err: AppError) {
  const lang = pickLang(req.headers['accept-language']);
  const errors = [{ code: err.status, description: toProblem(err, lang).detail }];
  const xml = /\.xml(\?|$)/.test(req.url);
  if (typeof err.extra.retryAfter === 'number') reply.header('retry-after', String(err.extra.retryAfter));
  return reply
    .status(err.status)
    .header('content-language', lang)
    .type(xml ? 'application/xml; charset=utf-8' : 'application/json; charset=utf-8')
    .send(xml ? toXml('errors', 'error', errors) : JSON.stringify(errors));
}

const responses = (fmt: Format, ok: TSchema) => ({
  200: fmt === 'json' ? ok : Type.String({ description: 'the same, as GeoReport v2 XML' }),
  400: S.Open311Errors,
  403: S.Open311Errors,
  404: S.Open311Errors,
});

/** Open311 GeoReport v2 under /open311/v2, in XML (the required format) and JSON. */
export const open311Routes =
  (ctx: AppContext): FastifyPluginAsyncTypebox =>
  async (app) => {
    const { deps } = complaintModule(ctx);
    app.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string', bodyLimit: 64 * 1024 },
      (_req, body, done) => done(null, Object.fromEntries(new URLSearchParams(String(body)))),
    );
    app.setErrorHandler((err, req, reply) =>
      sendErrors(
        req,
        reply,
        appErrorOf(err as FastifyError, req, (f) => ctx.database.writeFailed(f)),
      ),
    );
    const send = (reply: FastifyReply, fmt: Format, root: string, item: string, rows: object[]) =>
      fmt === 'json' ? rows : reply.type('application/xml; charset=utf-8').send(toXml(root, item, rows));

    for (const fmt of FORMATS) {
      app.get(
        `/services.${fmt}`,
        {
          schema: {
            tags,
            summary: `Services (${fmt})`,
            querystring: S.JurisdictionQuery,
            response: responses(fmt, Type.Array(S.Service)),
          },
        },
        async (req, reply) =>
          send(reply, fmt, 'services', 'service', await listOpen311Services(deps, req.query)),
      );
      app.get(
        `/services/:code.${fmt}`,
        {
          schema: {
            tags,
            summary: `Service definition (${fmt})`,
            params: Type.Object({ code: Type.String({ maxLength: 40 }) }),
            querystring: S.JurisdictionQuery,
            response: responses(fmt, S.ServiceDefinition),
          },
        },
        async (req, reply) => {
          const d = await getOpen311Definition(deps, req.params.code, req.query);
          return fmt === 'json'
            ? d
            : reply.type('application/xml; charset=utf-8').send(objectToXml('service_definition', d));
        },
      );
      app.post(
        `/requests.${fmt}`,
        {
          schema: {
            tags,
            summary: `Submit a service request (${fmt}; form-urlencoded, api_key)`,
            consumes: ['application/x-www-form-urlencoded'],
            response: responses(fmt, Type.Array(S.PostAnswer)),
          },
        },
        async (req, reply) =>
          send(
            reply,
            fmt,
            'service_requests',
            'request',
            await postOpen311Request(deps, (req.body ?? {}) as Form, req.ip),
          ),
      );
      app.get(
        `/requests.${fmt}`,
        {
          schema: {
            tags,
            summary: `Service requests (${fmt})`,
            querystring: S.RequestsQuery,
            response: responses(fmt, Type.Array(S.ServiceRequest)),
          },
        },
        async (req, reply) =>
          send(reply, fmt, 'service_requests', 'request', await listOpen311Requests(deps, req.query)),
      );
      app.get(
        `/requests/:id.${fmt}`,
        {
          schema: {
            tags,
            summary: `One service request (${fmt})`,
            params: Type.Object({ id: Type.String({ maxLength: 40 }) }),
            querystring: S.JurisdictionQuery,
            response: responses(fmt, Type.Array(S.ServiceRequest)),
          },
        },
        async (req, reply) =>
          send(
            reply,
            fmt,
            'service_requests',
            'request',
            await getOpen311Request(deps, req.params.id, req.query),
          ),
      );
      app.get(
        `/tokens/:token.${fmt}`,
        {
          schema: {
            tags,
            summary: `The request id of a token (${fmt})`,
            params: Type.Object({ token: Type.String({ maxLength: 100 }) }),
            querystring: S.JurisdictionQuery,
            response: responses(fmt, Type.Array(S.TokenAnswer)),
          },
        },
        async (req, reply) =>
          send(
            reply,
            fmt,
            'service_requests',
            'request',
            await resolveOpen311Token(deps, req.params.token, req.query),
          ),
      );
    }
  };
