import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { AppContext } from '../../server/context.js';
import { CSRF_COOKIE, SESSION_COOKIE } from '../../server/auth-hook.js';
import { errorResponses, IdParam, paged, toLimitOffset } from '../../shared/schema-helpers.js';
import {
  CreateTokenBody,
  CreateUserBody,
  LoginBody,
  ProfileBody,
  ProfileView,
  ResetConfirmBody,
  ResetRequestBody,
  ResetRequested,
  RegisterBody,
  SessionView,
  TokenCreated,
  UpdateUserBody,
  UserListQuery,
  UserView,
} from './schemas.js';
import { presentUser } from './presenter.js';
import { login } from './login.js';
import { logout } from './logout.js';
import { registerApplicant } from './register-applicant.js';
import { createUser } from './create-user.js';
import { updateUser } from './update-user.js';
import { listUsers } from './list-users.js';
import { createApiToken } from './create-api-token.js';
import { revokeApiToken } from './revoke-api-token.js';
import { getCurrentUser } from './get-current-user.js';
import { listColleagues } from './list-colleagues.js';
import { AddressGate } from './address-failures.js';
import { requestPasswordReset } from './request-password-reset.js';
import { resetPassword } from './reset-password.js';
import { RESET_POLICY } from './reset-policy.js';
import { getMyProfile } from './get-my-profile.js';
import { updateMyProfile } from './update-my-profile.js';

export const identityRoutes =
  (ctx: AppContext): FastifyPluginAsyncTypebox =>
  async (app) => {
    const { db, clock } = ctx;
    const resetGate = new AddressGate(db, ctx.database.dialect, 'reset', RESET_POLICY.guesses);

    app.post(
      '/auth/register',
      {
        schema: {
          tags: ['identity'],
          summary: 'Register an applicant (citizen or enterprise)',
          body: RegisterBody,
          response: { 201: UserView, ...errorResponses(400, 409) },
        },
      },
      async (req, reply) => {
        const user = await registerApplicant(db, clock, req.actor, req.body);
        return reply.status(201).send(presentUser(user));
      },
    );

    app.post(
      '/auth/login',
      {
        schema: {
          tags: ['identity'],
          summary: 'Log in; sets the session cookie and returns the CSRF token',
          body: LoginBody,
          response: { 200: SessionView, ...errorResponses(400, 401, 423, 429) },
        },
      },
      async (req, reply) => {
        const r = await login(
          db,
          clock,
          req.actor,
          { ...req.body, userAgent: req.headers['user-agent'] },
          ctx.config.sessionTtlHours,
        );
        const secure = req.protocol === 'https';
        const expires = new Date(r.expiresAt);
        reply.setCookie(SESSION_COOKIE, r.sessionToken, {
          httpOnly: true,
          sameSite: 'lax',
          path: '/',
          secure,
          expires,
        });
        reply.setCookie(CSRF_COOKIE, r.csrfToken, {
          httpOnly: false,
          sameSite: 'strict',
          path: '/',
          secure,
          expires,
        });
        return { user: r.user, csrfToken: r.csrfToken, expiresAt: r.expiresAt };
      },
    );

    app.post(
      '/auth/logout',
      { schema: { tags: ['identity'], summary: 'End the current session', response: { 204: Type.Null() } } },
      async (req, reply) => {
        if (req.sessionId) await logout(db, clock, req.actor, req.sessionId);
        reply.clearCookie(SESSION_COOKIE, { path: '/' }).clearCookie(CSRF_COOKIE, { path: '/' });
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/auth/me',
      {
        schema: {
          tags: ['identity'],
          summary: 'The logged-in user',
          response: { 200: UserView, ...errorResponses(401) },
        },
      },
      async (req) => getCurrentUser(db, req.actor),
    );

    app.get(
      '/staff',
      {
        schema: {
          tags: ['identity'],
          summary:
            'Active staff of a department (default: my own; everyone for supervisors and administrators): names and roles only',
          description:
            'For naming the second person on an on-site verification or the colleague of any department who takes over an inquiry (首问负责).',
          querystring: Type.Object({ departmentId: Type.Optional(Type.String({ maxLength: 100 })) }),
          response: {
            200: Type.Object({
              items: Type.Array(
                Type.Object({
                  id: Type.String(),
                  displayName: Type.String(),
                  role: Type.String(),
                  departmentId: Type.Union([Type.String(), Type.Null()]),
                }),
              ),
            }),
            ...errorResponses(401, 403),
          },
        },
      },
      async (req) => ({ items: await listColleagues(db, req.actor, req.query.departmentId) }),
    );

    app.get(
      '/admin/users',
      {
        schema: {
          tags: ['identity'],
          summary: 'List users',
          querystring: UserListQuery,
          response: { 200: paged(UserView), ...errorResponses(401, 403) },
        },
      },
      async (req) => {
        const { rows, total } = await listUsers(db, req.actor, { ...req.query, ...toLimitOffset(req.query) });
        return { items: rows.map(presentUser), total, page: req.query.page, pageSize: req.query.pageSize };
      },
    );

    app.post(
      '/admin/users',
      {
        schema: {
          tags: ['identity'],
          summary: 'Create a staff or applicant account',
          body: CreateUserBody,
          response: { 201: UserView, ...errorResponses(400, 401, 403, 409) },
        },
      },
      async (req, reply) => {
        const user = await createUser(db, clock, req.actor, req.body);
        return reply.status(201).send(presentUser(user));
      },
    );

    app.patch(
      '/admin/users/:id',
      {
        schema: {
          tags: ['identity'],
          summary: 'Change a user (role, department, status, password, unlock)',
          params: IdParam,
          body: UpdateUserBody,
          response: { 200: UserView, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (req) => {
        return presentUser(await updateUser(db, clock, req.actor, req.params.id, req.body));
      },
    );

    app.post(
      '/admin/users/:id/tokens',
      {
        schema: {
          tags: ['identity'],
          summary: 'Create an API token for a user',
          params: IdParam,
          body: CreateTokenBody,
          response: { 201: TokenCreated, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (req, reply) => {
        return reply
          .status(201)
          .send(await createApiToken(db, clock, req.actor, { userId: req.params.id, ...req.body }));
      },
    );

    app.delete(
      '/tokens/:id',
      {
        schema: {
          tags: ['identity'],
          summary: 'Revoke an API token',
          params: IdParam,
          response: { 204: Type.Null(), ...errorResponses(401, 403, 404) },
        },
      },
      async (req, reply) => {
        await revokeApiToken(db, clock, req.actor, req.params.id);
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/auth/password-reset',
      {
        schema: {
          tags: ['identity'],
          summary: 'Ask for a code to reset a forgotten password (sent to the registered phone or email)',
          description:
            'The answer is the same whether or not the username and contact match an account: a code is sent only when they do.',
          body: ResetRequestBody,
          response: { 202: ResetRequested, ...errorResponses(400, 429) },
        },
      },
      async (req, reply) =>
        reply.status(202).send(await requestPasswordReset(db, clock, req.actor, req.body)),
    );

    app.post(
      '/auth/password-reset/confirm',
      {
        schema: {
          tags: ['identity'],
          summary: 'Set a new password with the code sent; ends every session of the account',
          body: ResetConfirmBody,
          response: { 204: Type.Null(), ...errorResponses(400, 422, 429) },
        },
      },
      async (req, reply) => {
        await resetPassword(db, clock, req.actor, resetGate, req.body);
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/me/profile',
      {
        schema: {
          tags: ['identity'],
          summary: "The signed-in applicant's profile (prefills application forms)",
          response: { 200: ProfileView, ...errorResponses(401, 403) },
        },
      },
      async (req) => getMyProfile(db, req.actor),
    );

    app.put(
      '/me/profile',
      {
        schema: {
          tags: ['identity'],
          summary: "Keep the signed-in applicant's name, contacts, address and contact person",
          body: ProfileBody,
          response: { 200: ProfileView, ...errorResponses(400, 401, 403, 409) },
        },
      },
      async (req) => updateMyProfile(db, clock, req.actor, req.body),
    );
  };
