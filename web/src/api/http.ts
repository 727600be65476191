import i18n from '../i18n';
import { createClient, readCookie } from './client';

let sessionToken: string | null = null;

/** Keeps the token login returned, in case the cookie is not readable (it normally is: ow_csrf). */
export function rememberCsrfToken(token: string | null): void {
  sessionToken = token;
}

/** The client every page uses: same origin, the UI language, the CSRF token from the ow_csrf cookie. */
export const http = createClient({
  baseUrl: '',
  fetch: (input, init) => globalThis.fetch(input, init),
  language: () => (i18n.language === 'en' ? 'en' : 'zh-CN'),
  csrfToken: () => readCookie('ow_csrf', document.cookie) ?? sessionToken,
});

/** Whether the browser holds a session (the readable twin of the httpOnly session cookie). */
export const hasSessionCookie = (): boolean => readCookie('ow_csrf', document.cookie) !== null;
