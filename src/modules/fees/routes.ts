import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import type { AppContext } from '../../server/context.js';
import { errorResponses, IdParam, Nullable, PageNumber, toLimitOffset } from '../../shared/schema-helpers.js';
import * as S from './schemas.js';
import * as V from './views.js';
import { feesModule } from './fees-module.js';
import { getCaseFees, getForm } from './get-case-fees.js';
import { issueCaseForm } from './issue-case-form.js';
import { recordCounterPayment } from './record-counter-payment.js';
import { waiveFee } from './waive-fee.js';
import { cancelForm } from './cancel-form.js';
import { requestVoid } from './request-void.js';
import { decideVoid } from './decide-void.js';
import { requestRefund } from './refunds/request-refund.js';
import { fileRefund } from './refunds/file-refund.js';
import { reviewRefund } from './refunds/review-refund.js';
import { approveRefund } from './refunds/approve-refund.js';
import { payRefund } from './refunds/pay-refund.js';
import { listRefunds } from './list-refunds.js';
import { presentPayment, presentReceipt, presentRefund } from './presenter.js';
import { loadForm } from './read-forms.js';
import { getFormPdf } from './get-form-pdf.js';
import { getReceiptPdf } from './get-receipt-pdf.js';
import type { Actor } from '../../shared/actor.js';

const err = errorResponses(400, 401, 403, 404, 409, 422);
const inline = (number: string) => `inline; filename*=UTF-8''${encodeURIComponent(`${number}.pdf`)}`;

/** Fees of cases: forms, counter payments, waivers, cancellation, receipts and their voiding, refunds. */
export const feeRoutes =
  (ctx: AppContext): FastifyPluginAsyncTypebox =>
  async (app) => {
    const m = feesModule(ctx);
    const { rt } = m;
    const tags = ['fees'];
    const present = (formId: string) => loadForm(rt.db, m.channels, formId);

    app.get(
      '/cases/:id/fees',
      {
        schema: {
          tags,
          summary: "A case's fees: payment forms, payments, receipts, refunds, forms still to issue",
          params: IdParam,
          response: { 200: V.CaseFeesView, ...err },
        },
      },
      async (req) => getCaseFees(rt, m.channels, req.actor, req.params.id),
    );
    app.post(
      '/cases/:id/fee-forms',
      {
        schema: {
          tags,
          summary: 'Issue a payment form by hand (quantities the case form lacks, or a corrected form)',
          params: IdParam,
          body: S.IssueBody,
          response: { 201: V.FormDetailView, ...err },
        },
      },
      async (req, reply) =>
        reply
          .status(201)
          .send(await present((await issueCaseForm(rt, req.actor, req.params.id, req.body)).id)),
    );
    app.get(
      '/fee-forms/:id',
      {
        schema: {
          tags,
          summary: 'A payment form with its payments, receipts and refunds',
          params: IdParam,
          response: { 200: V.FormDetailView, ...err },
        },
      },
      async (req) => getForm(rt, m.channels, req.actor, req.params.id),
    );
    app.get(
      '/fee-forms/:id/pdf',
      {
        schema: {
          tags,
          summary: 'The payment form (缴款书) as PDF, with the verification QR code',
          params: IdParam,
        },
      },
      async (req, reply) => {
        const doc = await getFormPdf(rt, m.channels, req.actor, req.params.id);
        return reply
          .type('application/pdf')
          .header('x-sha256', doc.sha256)
          .header('content-disposition', inline(doc.number))
          .send(doc.pdf);
      },
    );
    app.post(
      '/fee-forms/:id/counter-payments',
      {
        schema: {
          tags,
          summary:
            'Payment at the counter: cash, or POS with the slip reference; Idempotency-Key makes retries safe',
          params: IdParam,
          headers: Type.Object({
            'idempotency-key': Type.Optional(Type.String({ minLength: 8, maxLength: 100 })),
          }),
          body: S.CounterPaymentBody,
          response: { 201: V.PaymentOutcomeView, 200: V.PaymentOutcomeView, ...err },
        },
      },
      async (req, reply) => {
        const out = await recordCounterPayment(
          rt,
          req.actor,
          req.params.id,
          req.body,
          req.headers['idempotency-key'],
        );
        return reply.status(out.replayed ? 200 : 201).send({
          form: await present(out.form.id),
          payment: presentPayment(out.payment),
          receipt: out.receipt ? presentReceipt(out.receipt) : null,
          refund: out.refund ? presentRefund(out.refund) : null,
        });
      },
    );
    app.post(
      '/fee-forms/:id/waivers',
      {
        schema: {
          tags,
          summary: 'Waive (减免) what is owed on a line, with its legal basis',
          params: IdParam,
          body: S.WaiverBody,
          response: { 200: V.FormDetailView, ...err },
        },
      },
      async (req) => present((await waiveFee(rt, req.actor, req.params.id, req.body)).id),
    );
    app.post(
      '/fee-forms/:id/cancel',
      {
        schema: {
          tags,
          summary: 'Cancel what is still owed on a form (作废)',
          params: IdParam,
          body: S.CancelBody,
          response: { 200: V.FormDetailView, ...err },
        },
      },
      async (req) => present((await cancelForm(rt, req.actor, req.params.id, req.body)).id),
    );
    app.post(
      '/fee-forms/:id/refunds',
      {
        schema: {
          tags,
          summary: 'Ask for a refund (the payer), or raise one the unit found',
          params: IdParam,
          body: S.RefundRequestBody,
          response: { 201: V.RefundView, ...err },
        },
      },
      async (req, reply) =>
        reply.status(201).send(presentRefund(await requestRefund(rt, req.actor, req.params.id, req.body))),
    );

    app.get(
      '/fee-receipts/:id/pdf',
      {
        schema: {
          tags,
          summary: 'A receipt (收款票据) as PDF, with the verification QR code',
          params: IdParam,
        },
      },
      async (req, reply) => {
        const doc = await getReceiptPdf(rt, req.actor, req.params.id);
        return reply
          .type('application/pdf')
          .header('x-sha256', doc.sha256)
          .header('content-disposition', inline(doc.number))
          .send(doc.pdf);
      },
    );
    app.post(
      '/fee-receipts/:id/void-request',
      {
        schema: {
          tags,
          summary: 'Ask to void a receipt, with the reason (a supervisor decides)',
          params: IdParam,
          body: S.VoidRequestBody,
          response: { 200: V.ReceiptView, ...err },
        },
      },
      async (req) => presentReceipt(await requestVoid(rt, req.actor, req.params.id, req.body)),
    );
    app.post(
      '/fee-receipts/:id/void-decision',
      {
        schema: {
          tags,
          summary: "A supervisor's decision on voiding a receipt",
          params: IdParam,
          body: S.DecisionBody,
          response: {
            200: Type.Object({ voided: Nullable(Type.String()), replacement: Nullable(Type.String()) }),
            ...err,
          },
        },
      },
      async (req) => decideVoid(rt, req.actor, req.params.id, req.body),
    );

    app.get(
      '/fee-refunds',
      {
        schema: {
          tags,
          summary: 'Refunds by status (the refund worklist)',
          querystring: Type.Object({
            status: Type.Optional(Type.String({ maxLength: 20 })),
            page: PageNumber,
            pageSize: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
          }),
          response: {
            200: Type.Object({
              items: Type.Array(V.RefundView),
              total: Type.Integer(),
              page: Type.Integer(),
              pageSize: Type.Integer(),
            }),
            ...err,
          },
        },
      },
      async (req) => ({
        ...(await listRefunds(rt.db, req.actor, { status: req.query.status, ...toLimitOffset(req.query) })),
        page: req.query.page,
        pageSize: req.query.pageSize,
      }),
    );
    const step = <B extends TSchema>(
      path: string,
      summary: string,
      body: B,
      run: (id: string, b: Static<B>, a: Actor) => Promise<Parameters<typeof presentRefund>[0]>,
    ) =>
      app.post(
        `/fee-refunds/:id/${path}`,
        { schema: { tags, summary, params: IdParam, body, response: { 200: V.RefundView, ...err } } },
        async (req) => presentRefund(await run(req.params.id, req.body, req.actor)),
      );
    step(
      'file',
      'The collecting unit files a refund it found (within the filing limit)',
      S.FileRefundBody,
      (id, b, a) => fileRefund(rt, a, id, b),
    );
    step('review', "The collecting unit reviews a payer's request", S.DecisionBody, (id, b, a) =>
      reviewRefund(rt, a, id, b),
    );
    step('approval', 'Finance approves or refuses a filed refund', S.DecisionBody, (id, b, a) =>
      approveRefund(rt, a, id, b),
    );
    step('payment', 'Finance pays an approved refund back', S.PayRefundBody, (id, b, a) =>
      payRefund(rt, a, id, b),
    );
  };
