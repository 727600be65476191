import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import multipart from '@fastify/multipart';
import type { AppContext } from '../../server/context.js';
import { readSingleUpload } from '../../server/read-upload.js';
import { errorResponses, IdParam } from '../../shared/schema-helpers.js';
import { MAX_FILE_BYTES } from '../cases/file-check.js';
import * as S from './schemas.js';
import * as V from './views.js';
import { disclosureDeps } from './disclosure-deps.js';
import { searchDocuments } from './search-documents.js';
import { getDocument } from './get-document.js';
import { publishDocument } from './publish-document.js';
import { repealDocument } from './repeal-document.js';
import { updateInterpretation } from './update-interpretation.js';
import { linkItem } from './link-item.js';
import { unlinkItem } from './unlink-item.js';
import { listItemDocuments } from './list-item-documents.js';
import { listVillages } from './list-villages.js';
import { getVillage } from './get-village.js';
import { registerVillage } from './register-village.js';
import { changeCadence } from './change-cadence.js';
import { publishStatement } from './publish-statement.js';
import { getStatement } from './get-statement.js';
import { addStatementFile } from './add-statement-file.js';
import { getStatementFile } from './get-statement-file.js';

const err = errorResponses(400, 401, 403, 404, 409, 422);
const attachment = (name: string) => `attachment; filename*=UTF-8''${encodeURIComponent(name)}`;

/** Disclosure (政务公开): the normative documents' library and village affairs and finance disclosure. */
export const disclosureRoutes =
  (ctx: AppContext): FastifyPluginAsyncTypebox =>
  async (app) => {
    const deps = disclosureDeps(ctx);
    const tags = ['disclosure'];
    await app.register(multipart, { limits: { fileSize: MAX_FILE_BYTES, files: 1, fields: 5 } });

    app.get(
      '/disclosure/documents',
      {
        schema: {
          tags,
          summary: 'Normative documents, newest first, or searched by plain words (jieba and synonyms)',
          querystring: S.DocumentQuery,
          response: { 200: V.DocumentList, ...err },
        },
      },
      async (req) => searchDocuments(deps, req.query),
    );
    app.post(
      '/disclosure/documents',
      {
        bodyLimit: 2 * 1024 * 1024,
        schema: {
          tags,
          summary:
            'Publish a normative document with its interpretation; naming one it amends marks that amended',
          body: S.PublishDocumentBody,
          response: { 201: V.DocumentView, ...err },
        },
      },
      async (req, reply) => reply.status(201).send(await publishDocument(deps, req.actor, req.body)),
    );
    app.get(
      '/disclosure/documents/:id',
      {
        schema: {
          tags,
          summary: 'A document: full text, interpretation, versions, how it stands today, items citing it',
          params: IdParam,
          response: { 200: V.DocumentView, ...err },
        },
      },
      async (req) => getDocument(deps, req.params.id),
    );
    app.post(
      '/disclosure/documents/:id/repeal',
      {
        schema: {
          tags,
          summary: 'Repeal a document (废止)',
          params: IdParam,
          body: S.RepealBody,
          response: { 200: V.DocumentView, ...err },
        },
      },
      async (req) => repealDocument(deps, req.actor, req.params.id, req.body),
    );
    app.post(
      '/disclosure/documents/:id/interpretation',
      {
        schema: {
          tags,
          summary: "Publish or correct a document's interpretation (政策解读)",
          params: IdParam,
          body: S.InterpretationBody,
          response: { 200: V.DocumentView, ...err },
        },
      },
      async (req) => updateInterpretation(deps, req.actor, req.params.id, req.body),
    );
    app.post(
      '/disclosure/item-links',
      {
        schema: {
          tags,
          summary: "Link an item's legal basis to a document of the library",
          body: S.LinkBody,
          response: { 201: V.LinkView, ...err },
        },
      },
      async (req, reply) => reply.status(201).send(await linkItem(deps, req.actor, req.body)),
    );
    app.delete(
      '/disclosure/item-links/:id',
      {
        schema: {
          tags,
          summary: 'Remove a legal-basis link',
          params: IdParam,
          response: { 204: Type.Null(), ...err },
        },
      },
      async (req, reply) => {
        await unlinkItem(deps, req.actor, req.params.id);
        return reply.status(204).send(null);
      },
    );
    app.get(
      '/disclosure/items/:code/documents',
      {
        schema: {
          tags,
          summary: "The documents an item's legal basis cites, with how each stands today",
          params: S.ItemCodeParam,
          response: { 200: V.ItemDocuments, ...err },
        },
      },
      async (req) => listItemDocuments(deps, req.params.code),
    );

    app.get(
      '/disclosure/villages',
      {
        schema: {
          tags,
          summary: 'Villages and how their disclosure stands',
          response: { 200: V.VillageList, ...err },
        },
      },
      async () => listVillages(deps),
    );
    app.post(
      '/disclosure/villages',
      {
        schema: {
          tags,
          summary: 'Register a village (its township, publishing department, cadence and due days)',
          body: S.VillageBody,
          response: { 201: V.VillageView, ...err },
        },
      },
      async (req, reply) => reply.status(201).send(await registerVillage(deps, req.actor, req.body)),
    );
    app.get(
      '/disclosure/villages/:id',
      {
        schema: {
          tags,
          summary: "A village's periods: disclosed, late, overdue, awaiting (by id or code)",
          params: IdParam,
          response: { 200: V.VillageView, ...err },
        },
      },
      async (req) => getVillage(deps, req.params.id),
    );
    app.post(
      '/disclosure/villages/:id/cadence',
      {
        schema: {
          tags,
          summary: "Change a village's cadence (quarterly or monthly) and due days",
          params: IdParam,
          body: S.CadenceBody,
          response: { 200: V.VillageView, ...err },
        },
      },
      async (req) => changeCadence(deps, req.actor, req.params.id, req.body),
    );
    app.post(
      '/disclosure/villages/:id/statements',
      {
        schema: {
          tags,
          summary: "Publish a village's statement for a period (income, expenditure, assets, major matters)",
          params: IdParam,
          body: S.StatementBody,
          response: { 201: V.StatementView, ...err },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await publishStatement(deps, req.actor, req.params.id, req.body)),
    );
    app.get(
      '/disclosure/statements/:id',
      {
        schema: {
          tags,
          summary: 'A published statement with totals and attachments',
          params: IdParam,
          response: { 200: V.StatementView, ...err },
        },
      },
      async (req) => getStatement(deps, req.params.id),
    );
    app.post(
      '/disclosure/statements/:id/files',
      {
        schema: {
          tags,
          summary: 'Attach a scan to a statement (PDF, JPEG or PNG, checked by content; ≤ 20 MB)',
          consumes: ['multipart/form-data'],
          params: IdParam,
          response: { 200: V.StatementView, ...errorResponses(400, 401, 403, 404, 409, 413, 415) },
        },
      },
      async (req) => addStatementFile(deps, req.actor, req.params.id, await readSingleUpload(req)),
    );
    app.get(
      '/disclosure/statements/:id/files/:fileId',
      { schema: { tags, summary: "Download a statement's attachment", params: S.FileParam } },
      async (req, reply) => {
        const f = await getStatementFile(deps, req.params.id, req.params.fileId);
        return reply.type(f.mime).header('content-disposition', attachment(f.name)).send(f.data);
      },
    );
  };
