import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import multipart from '@fastify/multipart';
import type { AppContext } from '../../server/context.js';
import type { Actor } from '../../shared/actor.js';
import { AppError } from '../../server/errors.js';
import { errorResponses, IdParam } from '../../shared/schema-helpers.js';
import { MAX_FILE_BYTES } from '../cases/file-check.js';
import * as S from './schemas.js';
import { letterDeps } from './letter-deps.js';
import { registerLetter } from './register-letter.js';
import { attachOriginal } from './attach-original.js';
import { assignLetter } from './assign-letter.js';
import { reassignLetter } from './reassign-letter.js';
import { requestLetterExtension } from './request-extension.js';
import { decideLetterExtension } from './decide-extension.js';
import { answerLetter } from './answer-letter.js';
import { getLetter } from './get-letter.js';
import { listDepartmentLetters, listLetters, listOverdueLetters } from './list-letters.js';
import { getLetterOriginal, getLetterReply } from './get-letter-files.js';
import { listLetterKinds } from './list-letter-kinds.js';

const err = errorResponses(400, 401, 403, 404, 409, 422);
const Page = Type.Object({
  page: Type.Integer({ minimum: 1, maximum: 100000, default: 1 }),
  pageSize: Type.Integer({ minimum: 1, maximum: 200, default: 20 }),
});
const attachment = (name: string) => `attachment; filename*=UTF-8''${encodeURIComponent(name)}`;

/** Letters answered (来函必复): the registry, assignment, extensions, answers and the reply letter. */
export const letterRoutes =
  (ctx: AppContext): FastifyPluginAsyncTypebox =>
  async (app) => {
    const deps = letterDeps(ctx);
    const tags = ['letters'];
    await app.register(multipart, { limits: { fileSize: MAX_FILE_BYTES, files: 1, fields: 5 } });

    app.get(
      '/letter-kinds',
      {
        schema: {
          tags,
          summary: 'Kinds of letter and the reply limit each gets by default',
          response: { 200: S.LetterKindInfo, ...err },
        },
      },
      async (req) => listLetterKinds(deps, req.actor),
    );
    app.post(
      '/letters',
      {
        schema: {
          tags,
          summary: 'Register an incoming letter (the registry at the window)',
          body: S.RegisterBody,
          response: { 201: S.LetterView, ...err },
        },
      },
      async (req, reply) => {
        const l = await registerLetter(deps, req.actor, req.body);
        return reply.status(201).send(await getLetter(deps, req.actor, l.id));
      },
    );
    app.get(
      '/letters',
      {
        schema: {
          tags,
          summary: 'The registry of letters, by state, kind, department and being overdue',
          querystring: S.LetterListQuery,
          response: { 200: S.LetterPage, ...err },
        },
      },
      async (req) => ({
        ...(await listLetters(deps, req.actor, req.query)),
        page: req.query.page,
        pageSize: req.query.pageSize,
      }),
    );
    app.get(
      '/letters/department',
      {
        schema: {
          tags,
          summary: 'The letters my department must answer, the closest deadline first',
          querystring: Page,
          response: { 200: S.LetterPage, ...err },
        },
      },
      async (req) => ({
        ...(await listDepartmentLetters(deps, req.actor, req.query)),
        page: req.query.page,
        pageSize: req.query.pageSize,
      }),
    );
    app.get(
      '/letters/overdue',
      {
        schema: {
          tags,
          summary: 'Every letter past its reply limit and not answered (supervisors)',
          querystring: Type.Object({
            department: Type.Optional(Type.String({ maxLength: 100 })),
            ...Page.properties,
          }),
          response: { 200: S.LetterPage, ...err },
        },
      },
      async (req) => ({
        ...(await listOverdueLetters(deps, req.actor, req.query)),
        page: req.query.page,
        pageSize: req.query.pageSize,
      }),
    );
    app.get(
      '/letters/:id',
      { schema: { tags, summary: 'A letter', params: IdParam, response: { 200: S.LetterView, ...err } } },
      async (req) => getLetter(deps, req.actor, req.params.id),
    );

    /** A letter action: its body a schema; the answer is the letter as it now stands. */
    const action = <B extends TSchema>(
      path: string,
      summary: string,
      body: B,
      run: (id: string, b: Static<B>, actor: Actor) => Promise<unknown>,
    ) =>
      app.post(
        `/letters/:id/${path}`,
        { schema: { tags, summary, params: IdParam, body, response: { 200: S.LetterView, ...err } } },
        async (req) => {
          await run(req.params.id, req.body, req.actor);
          return getLetter(deps, req.actor, req.params.id);
        },
      );
    action(
      'assign',
      'Assign to the department that must reply; the reply clock starts',
      S.AssignBody,
      (id, b, a) => assignLetter(deps, a, id, b),
    );
    action('reassign', 'Reassign to another department (改派), with the reason', S.ReassignBody, (id, b, a) =>
      reassignLetter(deps, a, id, b),
    );
    action('extension-request', 'Ask the department head for more time', S.ExtensionRequestBody, (id, b, a) =>
      requestLetterExtension(deps, a, id, b),
    );
    action(
      'extension-decision',
      "The department head's decision on the extension",
      S.ExtensionDecisionBody,
      (id, b, a) => decideLetterExtension(deps, a, id, b),
    );
    action(
      'answer',
      'Answer: the reply is recorded and the reply letter (PDF) issued',
      S.AnswerBody,
      (id, b, a) => answerLetter(deps, a, id, b),
    );

    app.post(
      '/letters/:id/original',
      {
        schema: {
          tags,
          summary: 'Attach the scanned original (PDF, JPEG or PNG, checked by content; ≤ 20 MB)',
          consumes: ['multipart/form-data'],
          params: IdParam,
          querystring: S.VersionQuery,
          response: { 200: S.LetterView, ...errorResponses(400, 401, 403, 404, 409, 413, 415) },
        },
      },
      async (req) => {
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
        await attachOriginal(deps, req.actor, req.params.id, req.query.version, {
          name: file.filename,
          data,
        });
        return getLetter(deps, req.actor, req.params.id);
      },
    );
    app.get(
      '/letters/:id/original',
      {
        schema: {
          tags,
          summary: 'Download the scanned original (the registry and the department)',
          params: IdParam,
        },
      },
      async (req, reply) => {
        const f = await getLetterOriginal(deps, req.actor, req.params.id);
        return reply.type(f.mime).header('content-disposition', attachment(f.name)).send(f.data);
      },
    );
    app.get(
      '/letters/:id/reply',
      { schema: { tags, summary: 'The reply letter (来函答复函, PDF)', params: IdParam } },
      async (req, reply) => {
        const d = await getLetterReply(deps, req.actor, req.params.id);
        return reply
          .type('application/pdf')
          .header('x-sha256', d.sha256)
          .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(`${d.number}.pdf`)}`)
          .send(d.pdf);
      },
    );
  };
