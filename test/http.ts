import type { App } from '../src/server/app.js';
import type { TestContext } from './test-context.js';
import { createUser } from '../src/modules/identity/create-user.js';
import { systemActor, type Role } from '../src/shared/actor.js';

export const PASSWORD = 'Passw0rd!x';

/** A logged-in browser-like client: session cookie plus the CSRF header on unsafe requests. */
export class Client {
  cookie = '';
  csrf = '';
  private credentials: [string, string] | undefined;
  constructor(private app: App) {}

  /** Sessions expire: tests that move the clock by days log in again. */
  relogin() {
    if (!this.credentials) throw new Error('never logged in');
    return this.login(...this.credentials);
  }

  async login(username: string, password = PASSWORD) {
    this.credentials = [username, password];
    const res = await this.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username, password },
    });
    if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
    this.cookie = res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    this.csrf = res.json().csrfToken;
    return this;
  }

  req(
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    payload?: unknown,
    headers: Record<string, string> = {},
  ) {
    return this.app.inject({
      method,
      url,
      ...(payload !== undefined ? { payload: payload as object } : {}),
      headers: {
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(method !== 'GET' && this.csrf ? { 'x-csrf-token': this.csrf } : {}),
        ...headers,
      },
    });
  }
}

export async function staff(t: TestContext, username: string, role: Role, departmentCode?: string) {
  let departmentId: string | null = null;
  if (departmentCode)
    departmentId = (
      await t.db
        .selectFrom('departments')
        .select('id')
        .where('code', '=', departmentCode)
        .executeTakeFirstOrThrow()
    ).id;
  await createUser(t.db, t.clock, systemActor('test'), {
    username,
    displayName: username,
    role,
    departmentId,
    password: PASSWORD,
  });
  return new Client(t.app).login(username);
}
