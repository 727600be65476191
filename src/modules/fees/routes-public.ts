import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { AppContext } from '../../server/context.js';
import { AppError, pickLang } from '../../server/errors.js';
import { errorResponses, IdParam, Nullable } from '../../shared/schema-helpers.js';
import * as S from './schemas.js';
import * as V from './views.js';
import { feesModule } from './fees-module.js';
import { DocumentVerifier } from './verify-document.js';
import { checkoutPage } from './gateway/checkout-page.js';
import { simulatedNotification } from './gateway/simulate-payment.js';
import { estimateItemFees } from './estimate-item-fees.js';
import { getCheckout } from './get-checkout.js';

const Outcome = Type.Object({
  status: Type.String(),
  formNumber: Type.Optional(Type.String()),
  receipt: Type.Optional(Nullable(Type.String())),
  appliedFen: Type.Optional(Type.Integer()),
  excessFen: Type.Optional(Type.Integer()),
  message: Type.Optional(Type.String()),
});

/**
 * What anyone may reach without logging in: an item's fees with an estimate, the authenticity of a
 * form or receipt, the gateways' notification endpoint (signed), and the simulated checkout.
 */
export const feePublicRoutes =
  (ctx: AppContext): FastifyPluginAsyncTypebox =>
  async (app) => {
    const m = feesModule(ctx);
    const { rt } = m;
    const tags = ['fees (public)'];

    app.get(
      '/items/:id/fees',
      {
        schema: {
          tags,
          summary: "An item's published fees, when they are paid, and the amount for given quantities",
          params: IdParam,
          querystring: Type.Object({
            quantities: Type.Optional(
              Type.String({ maxLength: 500, description: 'FEE-CODE:quantity pairs, comma-separated' }),
            ),
          }),
          response: {
            200: Type.Object({
              itemId: Type.String(),
              paymentPoint: Type.String(),
              lines: Type.Array(
                Type.Object({
                  feeCode: Type.String(),
                  name: Nullable(Type.String()),
                  basis: Nullable(Type.String()),
                  standard: Nullable(Type.String()),
                  unit: Nullable(Type.String()),
                  note: Nullable(Type.String()),
                  published: Type.Boolean(),
                  amountFen: Nullable(Type.Integer()),
                }),
              ),
              totalFen: Nullable(Type.Integer()),
              formsAreFree: Type.Literal(true),
            }),
            ...errorResponses(400, 404),
          },
        },
      },
      async (req) => estimateItemFees(rt.db, req.params.id, req.query.quantities),
    );

    const verifier = new DocumentVerifier(rt.db, rt.clock, ctx.database.dialect);
    const codeQuery = Type.Object({ code: Type.String({ minLength: 4, maxLength: 40 }) });
    app.get(
      '/verify/fee-forms/:number',
      {
        schema: {
          tags,
          summary:
            'Check a payment form is genuine: its number and payment code (wrong pairs are rate-limited)',
          params: Type.Object({ number: Type.String({ minLength: 4, maxLength: 40 }) }),
          querystring: codeQuery,
          response: { 200: V.VerifyView, ...errorResponses(400, 404, 429) },
        },
      },
      async (req) => verifier.form(req.ip, req.params.number, req.query.code),
    );
    app.get(
      '/verify/fee-receipts/:number',
      {
        schema: {
          tags,
          summary: 'Check a receipt is genuine: its number and check code (wrong pairs are rate-limited)',
          params: Type.Object({ number: Type.String({ minLength: 4, maxLength: 40 }) }),
          querystring: codeQuery,
          response: { 200: V.VerifyView, ...errorResponses(400, 404, 429) },
        },
      },
      async (req) => verifier.receipt(req.ip, req.params.number, req.query.code),
    );

    // Notifications are verified over the body exactly as sent, so this scope keeps the raw text.
    await app.register(async (raw) => {
      raw.removeContentTypeParser('application/json');
      raw.addContentTypeParser(
        'application/json',
        { parseAs: 'string', bodyLimit: 64 * 1024 },
        (_req, body, done) => done(null, body),
      );
      raw.post(
        '/payments/notifications/:gateway',
        {
          schema: {
            tags,
            summary:
              'A payment notification from an online gateway (HMAC-signed: x-ow-timestamp, x-ow-signature); applied once',
            params: Type.Object({ gateway: Type.String({ maxLength: 40 }) }),
            response: { 200: Outcome, 500: Outcome, ...errorResponses(400, 401, 404) },
          },
        },
        async (req, reply) => {
          const out = await m.receive(
            (req.params as { gateway: string }).gateway,
            typeof req.body === 'string' ? req.body : '',
            req.headers,
          );
          if (out.status === 'error')
            return reply.status(500).send({ status: 'error', message: 'not applied; deliver again' });
          return out;
        },
      );
    });

    const PayParam = Type.Object({ paymentCode: Type.String({ pattern: '^\\d{20}$' }) });
    const simulator = () => {
      const g = m.gateways.get('simulated');
      if (!g)
        throw new AppError('route_not_found', { method: 'GET', url: '/pay (the simulated gateway is off)' });
      return g;
    };
    app.get(
      '/pay/:paymentCode',
      {
        schema: {
          tags,
          summary: 'The simulated gateway: checkout page for a payment form',
          description: 'In Chinese, or in English with lang=en (else as Accept-Language asks).',
          params: PayParam,
          querystring: Type.Object({
            lang: Type.Optional(Type.Union([Type.Literal('zh-CN'), Type.Literal('en')])),
          }),
        },
      },
      async (req, reply) => {
        simulator();
        const { form, lines, departmentName } = await getCheckout(rt.db, req.params.paymentCode);
        return reply
          .type('text/html; charset=utf-8')
          .header(
            'content-security-policy',
            "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; connect-src 'self'",
          )
          .send(
            checkoutPage(
              form,
              lines,
              departmentName,
              req.query.lang ?? pickLang(req.headers['accept-language']),
            ),
          );
      },
    );
    app.post(
      '/pay/:paymentCode/confirm',
      {
        schema: {
          tags,
          summary: 'The simulated gateway: the payer confirms; the signed notification follows',
          params: PayParam,
          body: S.CheckoutBody,
          response: { 200: Outcome, ...errorResponses(400, 401, 404, 500) },
        },
      },
      async (req) => {
        const g = simulator();
        await getCheckout(rt.db, req.params.paymentCode);
        const n = simulatedNotification(g, rt.clock, req.params.paymentCode, req.body.amountFen);
        return m.receive('simulated', n.rawBody, n.headers);
      },
    );
  };
