import Fastify, {
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyRequest,
  type RawServerDefault,
  type FastifyTypeProviderDefault,
} from 'fastify';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { DestinationStream } from 'pino';
import { randomUUID } from 'node:crypto';
import type { AppContext } from './context.js';
import { frameworkErrors, installErrorHandling, sendProblem } from './error-handler.js';
import { clientErrorHandler } from './client-error.js';
import { installInputGuard } from './input-guard.js';
import { publishRoutePolicies } from './route-policies.js';
import { installAuth } from './auth-hook.js';
import { installMetrics } from './metrics.js';
import { maskPersonalData, REDACT_PATHS } from './log-redaction.js';
import { AppError } from './errors.js';
import { schemaCompiler } from './validator.js';
import { LazyCompilers, registerLazyCompilers } from './lazy-compilers.js';
import { ProblemSchema } from '../shared/schema-helpers.js';
import { CaseView } from '../modules/cases/schemas.js';
import { installWebApp, wantsWebApp } from './web-static.js';
import { healthRoutes } from './health-routes.js';
import { installGracefulClose } from './close.js';
import { identityRoutes } from '../modules/identity/routes.js';
import { auditRoutes } from '../modules/audit/routes.js';
import { cataloguePublicRoutes } from '../modules/catalogue/routes-public.js';
import { catalogueAdminRoutes } from '../modules/catalogue/routes-admin.js';
import { clockRoutes } from '../modules/clock/routes.js';
import { supervisionRoutes } from '../modules/supervision/routes.js';
import { caseRoutes } from '../modules/cases/routes.js';
import { notificationRoutes } from '../modules/notifications/routes.js';
import { feeRoutes } from '../modules/fees/routes.js';
import { feePublicRoutes } from '../modules/fees/routes-public.js';
import { feeAdminRoutes } from '../modules/fees/routes-admin.js';
import { letterRoutes } from '../modules/letters/routes.js';
import { inspectionRoutes } from '../modules/inspections/routes.js';
import { inspectionPublicRoutes } from '../modules/inspections/routes-public.js';
import { hallPublicRoutes } from '../modules/hall/routes.js';
import { hallStaffRoutes } from '../modules/hall/routes-staff.js';
import { commitmentRoutes } from '../modules/commitments/routes.js';
import { dashboardRoutes } from '../modules/dashboard/routes.js';
import { selfInspectionRoutes } from '../modules/self-inspection/routes.js';
import { feeReviewRoutes } from '../modules/fee-review/routes.js';
import { learningRoutes } from '../modules/learning/routes.js';
import { ratingRoutes } from '../modules/ratings/routes.js';
import { appraisalRoutes } from '../modules/appraisal/routes.js';
import { assessmentRoutes } from '../modules/assessment/routes.js';
import { complaintRoutes } from '../modules/complaints/routes.js';
import { open311Routes } from '../modules/complaints/open311/routes-open311.js';
import { disclosureRoutes } from '../modules/disclosure/routes.js';
import { hallAdminRoutes } from '../modules/hall/routes-admin.js';

export type App = FastifyInstance<
  RawServerDefault,
  IncomingMessage,
  ServerResponse,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;
export type { FastifyTypeProviderDefault };

export interface BuildOptions {
  /** Where JSON logs go (tests capture them); stdout by default. */
  logStream?: DestinationStream;
  /** Serve the built web application at / (default: when web/dist exists). */
  serveWeb?: boolean;
}

export async function buildApp(ctx: AppContext, opts: BuildOptions = {}): Promise<App> {
  // Route schemas compile at a route's first request, not all at start (lazy-compilers.ts).
  const lazy = new LazyCompilers();
  const app = Fastify({
    schemaController: { compilersFactory: { buildSerializer: lazy.serializerFactory() } },
    logger: {
      level: ctx.config.logLevel,
      redact: { paths: REDACT_PATHS, censor: '***' },
      serializers: {
        req: (req: FastifyRequest) => ({
          method: req.method,
          url: maskPersonalData(req.url),
          remoteAddress: req.ip,
        }),
      },
      ...(opts.logStream ? { stream: opts.logStream } : {}),
    },
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w-]{8,64}$/.test(given) ? given : randomUUID();
    },
    // N proxies: the N hops nearest this server are believed (proxy-addr's hop count, as a function for the types)
    trustProxy:
      typeof ctx.config.trustProxy === 'number' ? trustHops(ctx.config.trustProxy) : ctx.config.trustProxy,
    bodyLimit: 5 * 1024 * 1024,
    // Fastify's own refusals (an over-long path parameter, a URL Node cannot parse) as problem+json.
    frameworkErrors: (err, req, reply) => frameworkErrors(err, req, reply),
    clientErrorHandler,
    // A stop answers what reaches it until the connections close (close.ts), instead of 503s.
    return503OnClosing: false,
  }).withTypeProvider<TypeBoxTypeProvider>();

  // Set when the request arrives, so every answer carries it, errors included, without an onSend hook.
  app.addHook('onRequest', (req, reply, done) => {
    reply.header('x-request-id', req.id);
    done();
  });
  installGracefulClose(app);
  app.setValidatorCompiler(lazy.validator(schemaCompiler));
  registerLazyCompilers(app, lazy);
  // Shared schemas, referenced by $id from the routes and listed once under components.schemas.
  app.addSchema(ProblemSchema);
  app.addSchema(CaseView);
  installInputGuard(app);
  publishRoutePolicies(app);
  // No route takes plain text: without this parser such a body is a 415, not a 400 "must be an object".
  app.removeContentTypeParser('text/plain');
  installErrorHandling(app, (failure) => ctx.database.writeFailed(failure));
  await app.register(cookie);
  await app.register(swagger, {
    refResolver: { buildLocalReference: (json, _base, _fragment, i) => String(json.$id ?? `def-${i}`) },
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'OneWindow API (一窗通)',
        version: '1',
        description:
          'The API of a city government service center. Errors are RFC 9457 problem+json in zh-CN or en (Accept-Language).',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'ow_session' },
          bearer: { type: 'http', scheme: 'bearer' },
        },
      },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  installAuth(app, ctx);
  installMetrics(app, ctx.db, ctx.config.metricsToken);

  await app.register(healthRoutes(ctx));
  await app.register(
    async (api) => {
      api.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
      await api.register(identityRoutes(ctx));
      await api.register(auditRoutes(ctx));
      await api.register(cataloguePublicRoutes(ctx));
      await api.register(catalogueAdminRoutes(ctx));
      await api.register(clockRoutes(ctx));
      await api.register(supervisionRoutes(ctx));
      await api.register(caseRoutes(ctx));
      await api.register(notificationRoutes(ctx));
      await api.register(feeRoutes(ctx));
      await api.register(feePublicRoutes(ctx));
      await api.register(feeAdminRoutes(ctx));
      await api.register(letterRoutes(ctx));
      await api.register(complaintRoutes(ctx));
      await api.register(inspectionRoutes(ctx));
      await api.register(inspectionPublicRoutes(ctx));
      await api.register(hallPublicRoutes(ctx));
      await api.register(hallStaffRoutes(ctx));
      await api.register(commitmentRoutes(ctx));
      await api.register(selfInspectionRoutes(ctx));
      await api.register(feeReviewRoutes(ctx));
      await api.register(learningRoutes(ctx));
      await api.register(ratingRoutes(ctx));
      await api.register(appraisalRoutes(ctx));
      await api.register(dashboardRoutes(ctx));
      await api.register(disclosureRoutes(ctx));
      await api.register(hallAdminRoutes(ctx));
      await api.register(assessmentRoutes(ctx));
    },
    { prefix: '/api/v1' },
  );
  await app.register(open311Routes(ctx), { prefix: '/open311/v2' });

  const web = opts.serveWeb === false ? false : await installWebApp(app);
  app.setNotFoundHandler((req, reply) => {
    if (web && wantsWebApp(req.method, req.url)) return reply.sendFile('index.html');
    return sendProblem(
      req,
      reply,
      new AppError('route_not_found', { method: req.method, url: req.url.split('?')[0] ?? '' }),
    );
  });
  return app as unknown as App;
}

const trustHops = (n: number) => (_address: string, hop: number) => hop < n;
