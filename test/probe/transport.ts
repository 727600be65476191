import type { App } from '../../src/server/app.js';

/** A request as the probes send it, and what they read of the answer. */
export interface ProbeRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
}
export interface ProbeResponse {
  status: number;
  /** Header values as text; several Set-Cookie headers one a line. */
  headers: Record<string, string>;
  body: string;
}
/** Sends one request; throws only when the request cannot be sent at all (a NUL in a header, say). */
export type Send = (r: ProbeRequest) => Promise<ProbeResponse>;

/** In the test suite: through app.inject, no socket. */
export const injectTransport =
  (app: App): Send =>
  async (r) => {
    const res = await app.inject({
      method: r.method as 'GET',
      url: r.url,
      headers: r.headers,
      ...(r.body !== undefined ? { payload: r.body } : {}),
    });
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(res.headers))
      if (v !== undefined) headers[k] = Array.isArray(v) ? v.join('\n') : String(v);
    return { status: res.statusCode, headers, body: res.body };
  };

/** In a drill: real HTTP to a running server. */
export const httpTransport =
  (base: string): Send =>
  async (r) => {
    const res = await fetch(base + r.url, {
      method: r.method,
      headers: r.headers,
      ...(r.body !== undefined ? { body: r.body } : {}),
      redirect: 'manual',
    });
    const headers = Object.fromEntries(res.headers);
    headers['set-cookie'] = res.headers.getSetCookie().join('\n');
    return { status: res.status, headers, body: await res.text() };
  };

/** A logged-in identity (or none): what the probes add to every request they send as it. */
export interface Identity {
  name: string;
  role: string;
  cookie?: string;
  csrf?: string;
}

export async function logIn(send: Send, name: string, role: string, password: string): Promise<Identity> {
  const r = await send({
    method: 'POST',
    url: '/api/v1/auth/login',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: name, password }),
  });
  if (r.status !== 200) throw new Error(`login ${name}: ${r.status} ${r.body}`);
  const cookie = (r.headers['set-cookie'] ?? '')
    .split('\n')
    .map((c) => c.split(';')[0]?.trim())
    .join('; ');
  return { name, role, cookie, csrf: (JSON.parse(r.body) as { csrfToken: string }).csrfToken };
}

/** The headers an identity adds: its cookie, and the CSRF token on unsafe methods. */
export const identityHeaders = (who: Identity, method: string): Record<string, string> => ({
  ...(who.cookie ? { cookie: who.cookie } : {}),
  ...(who.csrf && method !== 'GET' ? { 'x-csrf-token': who.csrf } : {}),
});
