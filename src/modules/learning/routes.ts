import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import multipart from '@fastify/multipart';
import type { AppContext } from '../../server/context.js';
import { readSingleUpload } from '../../server/read-upload.js';
import { errorResponses, IdParam } from '../../shared/schema-helpers.js';
import { MAX_FILE_BYTES } from '../cases/file-check.js';
import { conductDeps } from '../commitments/commitment-deps.js';
import * as S from './schemas.js';
import { addMaterialVersion, createMaterial } from './save-material.js';
import { getMaterial, getMaterialPdf, listMaterials } from './list-materials.js';
import { addQuestion, listQuestions } from './question-bank.js';
import { recordStudy } from './record-study.js';
import { startQuiz, submitQuiz } from './quiz.js';
import { assignMaterial, listAssignments, myAssignments } from './assignments.js';
import { learningProgress } from './progress.js';

const err = errorResponses(400, 401, 403, 404, 409);

/** Staff learning (职业教育): the library, the question bank, assignments, study, quizzes, progress. */
export const learningRoutes =
  (ctx: AppContext): FastifyPluginAsyncTypebox =>
  async (app) => {
    const deps = conductDeps(ctx);
    const tags = ['learning'];
    await app.register(multipart, { limits: { fileSize: MAX_FILE_BYTES, files: 1, fields: 5 } });
    const one = { 200: S.MaterialView, ...err };

    app.get(
      '/learning/materials',
      {
        schema: {
          tags,
          summary: 'The library by volume, with my record on each',
          querystring: S.MaterialQuery,
          response: { 200: S.MaterialList, ...err },
        },
      },
      async (req) => listMaterials(deps, req.actor, req.query.volume),
    );
    app.post(
      '/learning/materials',
      {
        schema: {
          tags,
          summary: 'Add study material (administrators)',
          body: S.MaterialBody,
          response: { 201: S.MaterialView, ...err },
        },
      },
      async (req, reply) => reply.status(201).send(await createMaterial(deps, req.actor, req.body)),
    );
    app.get(
      '/learning/materials/:id',
      {
        schema: {
          tags,
          summary: 'A material: its current version, history and my record',
          params: IdParam,
          response: one,
        },
      },
      async (req) => getMaterial(deps, req.actor, req.params.id),
    );
    app.post(
      '/learning/materials/:id/versions',
      {
        schema: { tags, summary: 'A new text version', params: IdParam, body: S.VersionBody, response: one },
      },
      async (req) => addMaterialVersion(deps, req.actor, req.params.id, req.body),
    );
    app.post(
      '/learning/materials/:id/pdf',
      {
        schema: {
          tags,
          summary: 'A new version as a PDF (checked by content; ≤ 20 MB)',
          consumes: ['multipart/form-data'],
          params: IdParam,
          querystring: Type.Object({ version: Type.Integer({ minimum: 1 }) }),
          response: { 200: S.MaterialView, ...errorResponses(400, 401, 403, 404, 409, 413, 415) },
        },
      },
      async (req) =>
        addMaterialVersion(deps, req.actor, req.params.id, {
          version: req.query.version,
          pdf: await readSingleUpload(req),
        }),
    );
    app.get(
      '/learning/materials/:id/pdf',
      {
        schema: {
          tags,
          summary: "A version's PDF (the current one by default)",
          params: IdParam,
          querystring: Type.Object({ versionNo: Type.Optional(Type.Integer({ minimum: 1 })) }),
        },
      },
      async (req, reply) => {
        const f = await getMaterialPdf(deps, req.actor, req.params.id, req.query.versionNo);
        return reply
          .type('application/pdf')
          .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(f.name)}`)
          .send(f.data);
      },
    );
    app.get(
      '/learning/materials/:id/questions',
      {
        schema: {
          tags,
          summary: "The material's question bank, with answers (administrators)",
          params: IdParam,
          response: { 200: S.QuestionList, ...err },
        },
      },
      async (req) => listQuestions(deps, req.actor, req.params.id),
    );
    app.post(
      '/learning/materials/:id/questions',
      {
        schema: {
          tags,
          summary: 'Add a question to the bank',
          params: IdParam,
          body: S.QuestionBody,
          response: { 200: S.QuestionList, ...err },
        },
      },
      async (req) => addQuestion(deps, req.actor, req.params.id, req.body),
    );
    app.post(
      '/learning/materials/:id/study',
      {
        schema: {
          tags,
          summary: 'Record a study session: time spent, sections completed',
          params: IdParam,
          body: S.StudyBody,
          response: one,
        },
      },
      async (req) => recordStudy(deps, req.actor, req.params.id, req.body),
    );
    app.post(
      '/learning/materials/:id/attempts',
      {
        schema: {
          tags,
          summary: 'Start a quiz: questions drawn from the bank',
          params: IdParam,
          response: { 201: S.QuizView, ...err },
        },
      },
      async (req, reply) => reply.status(201).send(await startQuiz(deps, req.actor, req.params.id)),
    );
    app.post(
      '/learning/attempts/:id/answers',
      {
        schema: {
          tags,
          summary: 'Submit the answers of a quiz',
          params: IdParam,
          body: S.AnswersBody,
          response: { 200: S.QuizResult, ...err },
        },
      },
      async (req) => submitQuiz(deps, req.actor, req.params.id, req.body.answers),
    );
    app.get(
      '/learning/assignments',
      {
        schema: {
          tags,
          summary: 'Every assignment (administrators)',
          response: { 200: Type.Object({ items: Type.Array(S.AssignmentView) }), ...err },
        },
      },
      async (req) => listAssignments(deps, req.actor),
    );
    app.post(
      '/learning/assignments',
      {
        schema: {
          tags,
          summary: 'Assign a material to a role and/or department, with a due date',
          body: S.AssignmentBody,
          response: { 201: S.AssignmentView, ...err },
        },
      },
      async (req, reply) => reply.status(201).send(await assignMaterial(deps, req.actor, req.body)),
    );
    app.get(
      '/learning/my-assignments',
      {
        schema: {
          tags,
          summary: 'What I must study, done or not, overdue or not',
          response: { 200: S.MyAssignments, ...err },
        },
      },
      async (req) => myAssignments(deps, req.actor),
    );
    app.get(
      '/learning/progress',
      {
        schema: {
          tags,
          summary: 'Progress per staff member and department',
          querystring: S.ProgressQuery,
          response: { 200: S.ProgressView, ...err },
        },
      },
      async (req) => learningProgress(deps, req.actor, req.query.departmentId),
    );
  };
