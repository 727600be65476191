/**
 * The routes of the published OpenAPI document, read as a prober needs them: method, path template,
 * parameters with their schemas, and what body the route takes. The fuzz and access-matrix probes
 * are generated from this, so a new route is probed the day it is added.
 */
export type Schema = {
  $ref?: string;
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  pattern?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  additionalProperties?: boolean | Schema;
};

export interface Param {
  name: string;
  in: 'path' | 'query' | 'header';
  required: boolean;
  schema: Schema;
}

export interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** The OpenAPI path template, e.g. /api/v1/cases/{id}/accept */
  path: string;
  params: Param[];
  /** The JSON body schema, when the route takes JSON. */
  body?: Schema;
  /** The route takes multipart/form-data (an upload). */
  multipart: boolean;
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components?: { schemas?: Record<string, Schema> };
}
interface OpenApiOperation {
  parameters?: { name: string; in: string; required?: boolean; schema?: Schema }[];
  requestBody?: { content: Record<string, { schema?: Schema }> };
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

export function routesOf(doc: OpenApiDocument): Route[] {
  const routes: Route[] = [];
  for (const [path, ops] of Object.entries(doc.paths))
    for (const m of METHODS) {
      const op = ops[m];
      if (!op) continue;
      const content = op.requestBody?.content ?? {};
      routes.push({
        method: m.toUpperCase() as Route['method'],
        path,
        params: (op.parameters ?? [])
          .filter((p) => p.in === 'path' || p.in === 'query' || p.in === 'header')
          .map((p) => ({
            name: p.name,
            in: p.in as Param['in'],
            required: p.in === 'path' || p.required === true,
            schema: resolve(doc, p.schema ?? {}),
          })),
        ...(content['application/json']?.schema
          ? { body: resolve(doc, content['application/json'].schema) }
          : {}),
        multipart: 'multipart/form-data' in content,
      });
    }
  return routes;
}

/** A schema with its top-level $ref followed (the generators follow nested ones as they meet them). */
export function resolve(doc: OpenApiDocument, s: Schema): Schema {
  for (let i = 0; s.$ref && i < 10; i++) {
    const name = s.$ref.split('/').pop() ?? '';
    s = doc.components?.schemas?.[name] ?? {};
  }
  return s;
}

/** A route's concrete URL with the given path and query values (encoded). */
export function urlOf(route: Route, path: Record<string, string>, query: Record<string, string>): string {
  const p = route.path.replace(/\{(\w+)\}/g, (_, k: string) => encodeURIComponent(path[k] ?? 'x'));
  const q = new URLSearchParams(query).toString();
  return q ? `${p}?${q}` : p;
}

export const isUnsafe = (method: string) => method !== 'GET';
