import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import multipart from '@fastify/multipart';
import type { AppContext } from '../../server/context.js';
import type { Actor } from '../../shared/actor.js';
import { AppError } from '../../server/errors.js';
import { errorResponses, IdParam, PageNumber, toLimitOffset } from '../../shared/schema-helpers.js';
import * as S from './schemas.js';
import { caseModule } from './case-deps-factory.js';
import { submitCase } from './submit-case.js';
import { submitDraft } from './submit-draft.js';
import { acceptCase } from './accept-case.js';
import { acceptWithShortfall } from './accept-with-shortfall.js';
import { requestSupplement } from './request-supplement.js';
import { supplementCase } from './supplement-case.js';
import { refuseIntake } from './refuse-intake.js';
import { provideDeferred } from './provide-deferred.js';
import { recordOpinion } from './record-opinion.js';
import { recordSiteVerification } from './record-site-verification.js';
import { startSpecialProcedure } from './start-special-procedure.js';
import { endSpecialProcedure } from './end-special-procedure.js';
import { requestExtension } from './request-extension.js';
import { decideExtension } from './decide-extension.js';
import { decideTask } from './decide-task.js';
import { deliverCase } from './deliver-case.js';
import { withdrawCase } from './withdraw-case.js';
import { getCase } from './get-case.js';
import { listCases, worklist } from './list-cases.js';
import { uploadFile, MAX_FILE_BYTES } from './upload-file.js';
import { getCaseFile } from './get-case-file.js';
import { getCaseDocument } from './get-case-document.js';
import { recordInquiry } from './record-inquiry.js';
import { listInquiries } from './list-inquiries.js';
import { answerInquiry } from './answer-inquiry.js';
import { handOverInquiry } from './hand-over-inquiry.js';
import { historyRoutes } from './routes-history.js';

const err = errorResponses(400, 401, 403, 404, 409, 422);
const CaseParams = Type.Object({ id: Type.String({ maxLength: 100 }) });

/** Case routes: intake, acceptance, review, decisions, documents, files, tracking, first inquiries. */
export const caseRoutes =
  (ctx: AppContext): FastifyPluginAsyncTypebox =>
  async (app) => {
    const m = caseModule(ctx);
    const { deps } = m;
    const tags = ['cases'];
    await app.register(multipart, { limits: { fileSize: MAX_FILE_BYTES, files: 1, fields: 5 } });
    await app.register(historyRoutes(ctx, m.tracker));

    app.post(
      '/files',
      {
        schema: {
          tags,
          summary: 'Upload a material (PDF, JPEG or PNG, checked by content; ≤ 20 MB)',
          consumes: ['multipart/form-data'],
          response: {
            201: Type.Object({
              id: Type.String(),
              sha256: Type.String(),
              size: Type.Integer(),
              mime: Type.String(),
              name: Type.String(),
            }),
            ...errorResponses(400, 401, 403, 413, 415),
          },
        },
      },
      async (req, reply) => {
        if (!req.isMultipart())
          throw new AppError('unsupported_media_type', { type: req.headers['content-type'] ?? 'none' });
        const file = await req.file();
        if (!file)
          throw new AppError('validation_failed', { summary: '/file' }, [
            { path: '/file', code: 'required', zh: '请选择文件', en: 'No file' },
          ]);
        const data = await file.toBuffer().catch((e: Error & { code?: string }) => {
          throw e.code === 'FST_REQ_FILE_TOO_LARGE' ? new AppError('payload_too_large') : e;
        });
        return reply
          .status(201)
          .send(await uploadFile(ctx.db, ctx.clock, m.storage, req.actor, { name: file.filename, data }));
      },
    );

    app.get(
      '/files/:id',
      {
        schema: {
          tags,
          summary: 'Download a material file (its applicant and the staff of the departments on its case)',
          params: IdParam,
        },
      },
      async (req, reply) => {
        const f = await getCaseFile(ctx.db, m.storage, req.actor, req.params.id);
        return reply
          .type(f.mime)
          .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(f.name)}`)
          .send(f.data);
      },
    );

    app.post(
      '/cases',
      {
        schema: {
          tags,
          summary:
            'Apply (online) or take in a walk-in application (window); Idempotency-Key makes retries safe',
          headers: Type.Object({
            'idempotency-key': Type.Optional(Type.String({ minLength: 8, maxLength: 100 })),
          }),
          body: S.SubmitBody,
          response: { 201: S.Submitted, 200: S.Submitted, ...err },
        },
      },
      async (req, reply) => {
        const r = await submitCase(deps, req.actor, {
          ...req.body,
          idempotencyKey: req.headers['idempotency-key'],
        });
        const c = r.summary;
        // A compact answer: submissions are the hot path; the full case is one GET away.
        return reply.status(r.replayed ? 200 : 201).send({
          checkCode: r.checkCode,
          case: {
            id: c.id,
            receiptNo: c.receipt_no,
            title: c.title,
            state: c.state,
            channel: c.channel,
            version: c.version,
            submittedAt: c.submitted_at,
            latestHash: c.last_hash,
          },
        });
      },
    );

    app.get(
      '/cases',
      {
        schema: {
          tags,
          summary: 'Cases: mine (applicant), the window queue, my department, or all (supervisors)',
          querystring: S.CaseListQuery,
          response: { 200: S.CasePage, ...err },
        },
      },
      async (req) => {
        const r = await listCases(deps, req.actor, { ...req.query, ...toLimitOffset(req.query) });
        return { ...r, page: req.query.page, pageSize: req.query.pageSize };
      },
    );
    app.get(
      '/cases/:id',
      { schema: { tags, summary: 'A case', params: IdParam, response: { 200: S.CaseViewRef, ...err } } },
      async (req) => getCase(deps, req.actor, req.params.id),
    );

    const answer = async (actor: Actor, id: string, result: unknown) => ({
      result,
      case: await getCase(deps, actor, id),
    });
    /** A case action: its body a schema, the handler given what the schema admits. */
    const action = <B extends TSchema>(
      path: string,
      summary: string,
      body: B,
      run: (id: string, b: Static<B>, actor: Actor) => Promise<unknown>,
    ) =>
      app.post(
        `/cases/:id/${path}`,
        { schema: { tags, summary, params: CaseParams, body, response: { 200: S.ActionResult, ...err } } },
        async (req) => answer(req.actor, req.params.id, await run(req.params.id, req.body, req.actor)),
      );
    /** An action on one record of the case (a special procedure, an extension request). */
    const recordAction = <B extends TSchema>(
      path: string,
      summary: string,
      body: B,
      run: (id: string, recordId: string, b: Static<B>, actor: Actor) => Promise<unknown>,
    ) =>
      app.post(
        `/cases/:id/${path}`,
        {
          schema: { tags, summary, params: S.RecordParams, body, response: { 200: S.ActionResult, ...err } },
        },
        async (req) =>
          answer(
            req.actor,
            req.params.id,
            await run(req.params.id, req.params.recordId, req.body, req.actor),
          ),
      );
    action('submit', 'Submit a saved draft', S.VersionBody, (id, b, a) =>
      submitDraft(deps, a, id, b.version),
    );
    action('accept', 'Accept (受理): every required material is in', S.VersionBody, (id, b, a) =>
      acceptCase(deps, a, id, b.version),
    );
    action('accept-with-shortfall', 'Accept with shortfall (容缺受理)', S.ShortfallBody, (id, b, a) =>
      acceptWithShortfall(deps, a, id, b.version, b),
    );
    action(
      'supplement-request',
      'One-time notice of everything missing (一次性告知)',
      S.SupplementRequestBody,
      (id, b, a) => requestSupplement(deps, a, id, b.version, b),
    );
    action('supplement', 'Supply what the notice asked for (补正)', S.MaterialsBody, (id, b, a) =>
      supplementCase(deps, a, id, b.version, b.materials),
    );
    action('refuse-intake', 'Refuse to accept (不予受理), with reasons', S.RefuseIntakeBody, (id, b, a) =>
      refuseIntake(deps, a, id, b.version, b),
    );
    action('deferred-materials', 'Supply materials deferred under 容缺', S.MaterialsBody, (id, b, a) =>
      provideDeferred(deps, a, id, b.version, b.materials),
    );
    action('opinions', "A review opinion on your department's task", S.OpinionBody, (id, b, a) =>
      recordOpinion(deps, a, id, b.version, b),
    );
    action(
      'site-verifications',
      'On-site verification by two staff (Art. 34)',
      S.SiteVerificationBody,
      (id, b, a) => recordSiteVerification(deps, a, id, b.version, b),
    );
    action(
      'special-procedures',
      'Start a special procedure; the clock pauses (Art. 45)',
      S.SpecialProcedureBody,
      (id, b, a) => startSpecialProcedure(deps, a, id, b.version, b),
    );
    recordAction(
      'special-procedures/:recordId/end',
      'End a special procedure; the clock resumes',
      S.EndProcedureBody,
      (id, recordId, b, a) => endSpecialProcedure(deps, a, id, b.version, { ...b, recordId }),
    );
    action(
      'extension-requests',
      'Ask the head to extend the limit (Art. 42)',
      S.ExtensionRequestBody,
      (id, b, a) => requestExtension(deps, a, id, b.version, b),
    );
    recordAction(
      'extension-requests/:recordId/decision',
      "The head's decision on an extension",
      S.ExtensionDecisionBody,
      (id, recordId, b, a) => decideExtension(deps, a, id, b.version, { ...b, recordId }),
    );
    action('decisions', "Your department's decision on its part", S.DecisionBody, (id, b, a) =>
      decideTask(deps, a, id, b.version, b),
    );
    action(
      'deliver',
      'Deliver the decision and certificate (送达); the case is completed',
      S.DeliverBody,
      (id, b, a) => deliverCase(deps, a, id, b.version, b),
    );
    action('withdraw', 'Withdraw the application (before the decision)', S.WithdrawBody, (id, b, a) =>
      withdrawCase(deps, a, id, b.version, b),
    );

    app.get(
      '/cases/:id/documents/:docId',
      {
        schema: {
          tags,
          summary: 'Download an issued document (PDF)',
          params: Type.Object({
            id: Type.String({ maxLength: 100 }),
            docId: Type.String({ maxLength: 100 }),
          }),
        },
      },
      async (req, reply) => {
        const d = await getCaseDocument(
          ctx.db,
          m.storage,
          m.renderer,
          req.actor,
          req.params.id,
          req.params.docId,
        );
        return reply
          .type('application/pdf')
          .header('x-sha256', d.sha256)
          .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(`${d.number}.pdf`)}`)
          .send(d.pdf);
      },
    );

    app.get(
      '/worklist',
      {
        schema: {
          tags,
          summary: "My department's review tasks, the closest deadline first",
          querystring: Type.Object({
            state: Type.Optional(Type.String({ maxLength: 20 })),
            page: PageNumber,
            pageSize: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
          }),
          response: { 200: S.WorkPage, ...err },
        },
      },
      async (req) => {
        const r = await worklist(deps, req.actor, { ...req.query, ...toLimitOffset(req.query) });
        return { ...r, page: req.query.page, pageSize: req.query.pageSize };
      },
    );

    app.get(
      '/track/:receiptNo',
      {
        schema: {
          tags: ['tracking'],
          summary:
            'Public case tracking with the receipt number and check code (no login; wrong codes are rate-limited)',
          params: Type.Object({ receiptNo: Type.String({ minLength: 4, maxLength: 30 }) }),
          querystring: Type.Object({ code: Type.String({ minLength: 4, maxLength: 20 }) }),
          response: { 200: S.TrackingView, ...errorResponses(400, 404, 429) },
        },
      },
      async (req) => m.tracker.track(req.params.receiptNo, req.query.code, req.ip),
    );

    app.post(
      '/inquiries',
      {
        schema: {
          tags: ['inquiries'],
          summary: 'Record a first inquiry (首问负责): you own it until answered or handed over',
          body: S.InquiryBody,
          response: { 201: Type.Object({ id: Type.String(), dueDate: Type.String() }), ...err },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await recordInquiry(ctx.db, ctx.clock, ctx.calendars, req.actor, req.body)),
    );
    app.get(
      '/inquiries',
      {
        schema: {
          tags: ['inquiries'],
          summary: 'My open inquiries (staff) or all (supervisors)',
          querystring: Type.Object({
            status: Type.Optional(Type.String({ maxLength: 20 })),
            page: PageNumber,
            pageSize: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
          }),
          response: { 200: S.InquiryPage, ...err },
        },
      },
      async (req) => {
        const r = await listInquiries(ctx.db, req.actor, { ...req.query, ...toLimitOffset(req.query) });
        return { ...r, page: req.query.page, pageSize: req.query.pageSize };
      },
    );
    app.post(
      '/inquiries/:id/answer',
      {
        schema: {
          tags: ['inquiries'],
          summary: 'Answer an inquiry you own',
          params: IdParam,
          body: Type.Object({ ...S.Version, answer: Type.String({ minLength: 1, maxLength: 5000 }) }),
          response: { 204: Type.Null(), ...err },
        },
      },
      async (req, reply) => {
        await answerInquiry(ctx.db, ctx.clock, ctx.calendars, req.actor, req.params.id, req.body);
        return reply.status(204).send(null);
      },
    );
    app.post(
      '/inquiries/:id/handover',
      {
        schema: {
          tags: ['inquiries'],
          summary: 'Hand an inquiry over to a named colleague',
          params: IdParam,
          body: Type.Object({
            ...S.Version,
            toUserId: Type.String({ maxLength: 100 }),
            note: Type.String({ minLength: 1, maxLength: 2000 }),
          }),
          response: { 204: Type.Null(), ...err },
        },
      },
      async (req, reply) => {
        await handOverInquiry(ctx.db, ctx.clock, ctx.calendars, req.actor, req.params.id, req.body);
        return reply.status(204).send(null);
      },
    );
  };
