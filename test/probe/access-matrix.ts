import { routeRule, rolesAdmittedByRoute, type RouteRule } from '../../src/server/route-policies.js';
import { ALL_ROLES, type AnyRole } from '../../src/server/policy-admits.js';
import { routesOf, urlOf, type OpenApiDocument, type Route } from './openapi-routes.js';
import { idsFor, sampleValue, type IdPool } from './sample-value.js';
import { identityHeaders, type Identity, type Send } from './transport.js';

/** How one role was answered on one route. */
export type Seen = 'refused' | 'reached' | 'undetermined';

export interface MatrixRow {
  route: string;
  rule: RouteRule | null;
  /** The roles the rule can ever admit, in ALL_ROLES order. */
  admits: AnyRole[];
  /** Per role: the status it got. */
  status: Partial<Record<AnyRole, number>>;
  seen: Partial<Record<AnyRole, Seen>>;
}

export interface MatrixFinding {
  route: string;
  role: AnyRole;
  status: number;
  why: string;
}

export interface MatrixResult {
  rows: MatrixRow[];
  findings: MatrixFinding[];
  figures: { routes: number; probes: number; refused: number; reached: number; undetermined: number };
}

/**
 * Probes every route of the document as the visitor and as each role, with a well-formed request
 * (real ids where there are some), and compares the answers with the roles the route's declared
 * rule can ever admit:
 * - 401 unauthenticated and 403 forbidden mean refused, 2xx reached; anything else (404 for an unknown id, 409 for a state) says
 *   nothing about access and is counted as undetermined;
 * - a role that reaches a route its rule never admits is a finding, and so is a public route
 *   refusing anyone, a route without a declared rule, and a refusal of a role that the rule admits
 *   whatever the resource (the rule declared is then not the one applied).
 */
export async function probeAccessMatrix(
  send: Send,
  doc: OpenApiDocument,
  identities: Identity[],
  ids: IdPool,
): Promise<MatrixResult> {
  const routes = routesOf(doc).filter((r) => r.path !== '/api/v1/auth/logout');
  const rows: MatrixRow[] = [];
  const findings: MatrixFinding[] = [];
  const figures = { routes: routes.length, probes: 0, refused: 0, reached: 0, undetermined: 0 };
  for (const route of routes) {
    const name = `${route.method} ${route.path}`;
    const rule = routeRule(route.method, route.path) ?? null;
    const admits = rule ? rolesAdmittedByRoute(rule) : [];
    const always = rule ? rolesAdmittedByRoute(rule, true) : [];
    const row: MatrixRow = { route: name, rule, admits, status: {}, seen: {} };
    if (!rule) findings.push({ route: name, role: 'anonymous', status: 0, why: 'no policy rule declared' });
    for (const who of identities) {
      const role = who.role as AnyRole;
      const res = await send(wellFormed(doc, route, ids, who));
      const seen: Seen = REFUSALS.has(problemCode(res.body) ?? '')
        ? 'refused'
        : res.status < 300
          ? 'reached'
          : 'undetermined';
      figures.probes++;
      figures[seen]++;
      row.status[role] = res.status;
      row.seen[role] = seen;
      if (!rule) continue;
      if (seen === 'reached' && !admits.includes(role))
        findings.push({
          route: name,
          role,
          status: res.status,
          why: 'reached by a role its rule never admits',
        });
      if (seen === 'refused' && always.includes(role))
        findings.push({
          route: name,
          role,
          status: res.status,
          why: 'refused a role its rule always admits',
        });
    }
    rows.push(row);
  }
  return { rows, findings, figures };
}

function wellFormed(doc: OpenApiDocument, route: Route, ids: IdPool, who: Identity) {
  const value = (p: Route['params'][number]) =>
    String(sampleValue(doc, p.schema, ids, p.name, 0, idsFor(ids, route.path, p.name)));
  const path = Object.fromEntries(route.params.filter((p) => p.in === 'path').map((p) => [p.name, value(p)]));
  const query = Object.fromEntries(
    route.params.filter((p) => p.in === 'query' && p.required).map((p) => [p.name, value(p)]),
  );
  const headers: Record<string, string> = {
    ...Object.fromEntries(
      route.params.filter((p) => p.in === 'header').map((p) => [p.name, `probe-${p.name}-0001`]),
    ),
    ...identityHeaders(who, route.method),
  };
  const body = route.body ? JSON.stringify(sampleValue(doc, route.body, ids)) : undefined;
  if (body !== undefined) headers['content-type'] = 'application/json';
  return {
    method: route.method,
    url: urlOf(route, path, query),
    headers,
    ...(body !== undefined ? { body } : {}),
  };
}

/** What authorize() answers (a wrong password or a CSRF token is not a refusal by a rule). */
const REFUSALS = new Set(['unauthenticated', 'forbidden']);

function problemCode(body: string): string | undefined {
  try {
    return (JSON.parse(body) as { code?: string }).code;
  } catch {
    return undefined;
  }
}

/** The matrix as text: one line per route, one column per role (A admitted by the rule, · not; then the status). */
export function matrixText(rows: MatrixRow[]): string {
  const head = `${'route'.padEnd(64)} ${'rule'.padEnd(40)} ${ALL_ROLES.map((r) => r.slice(0, 9).padEnd(10)).join('')}`;
  const lines = rows.map((row) => {
    const cells = ALL_ROLES.map((r) =>
      `${row.admits.includes(r) ? 'A' : '·'} ${row.status[r] ?? '-'}`.padEnd(10),
    );
    const rule = row.rule === null ? '(none)' : typeof row.rule === 'string' ? row.rule : ruleText(row.rule);
    return `${row.route.padEnd(64)} ${rule.padEnd(40)} ${cells.join('')}`;
  });
  return [head, ...lines].join('\n');
}

const ruleText = (rule: Exclude<RouteRule, string>) =>
  Array.isArray(rule) ? rule.join('|') : rule.all.join('&');
