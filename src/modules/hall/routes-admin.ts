import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../server/context.js';
import { errorResponses, IdParam } from '../../shared/schema-helpers.js';
import * as S from './schemas.js';
import { hallDeps } from './hall-deps.js';
import { registerDevice } from './register-device.js';
import { revokeDevice } from './revoke-device.js';
import { getOwnDevice, listDevices } from './get-devices.js';
import { getSettings, saveSettings } from './save-settings.js';
import { presentDevice, presentPlace } from './presenter.js';

const err = errorResponses(400, 401, 403, 404, 409, 422);

/** The hall's devices (registered by an administrator, each with a bound token) and its settings. */
export const hallAdminRoutes =
  (ctx: AppContext): FastifyPluginAsyncTypebox =>
  async (app) => {
    const deps = hallDeps(ctx);
    const tags = ['hall'];

    app.get(
      '/admin/hall/devices',
      { schema: { tags, summary: "The hall's devices", response: { 200: S.DeviceList, ...err } } },
      async (req) => ({ items: (await listDevices(deps, req.actor)).map(presentDevice) }),
    );
    app.post(
      '/admin/hall/devices',
      {
        schema: {
          tags,
          summary: 'Register a kiosk, a window tablet or a screen: its token (shown once) binds it',
          body: S.DeviceBody,
          response: { 201: S.DeviceRegistered, ...err },
        },
      },
      async (req, reply) => {
        const r = await registerDevice(deps, req.actor, req.body);
        return reply.status(201).send({ device: presentDevice(r.device), token: r.token });
      },
    );
    app.post(
      '/admin/hall/devices/:id/revoke',
      {
        schema: {
          tags,
          summary: 'Revoke a device: its token is refused from now on',
          params: IdParam,
          response: { 200: S.DeviceView, ...err },
        },
      },
      async (req) => presentDevice(await revokeDevice(deps, req.actor, req.params.id)),
    );
    app.get(
      '/hall/device',
      {
        schema: {
          tags,
          summary: 'The calling device: what it is and the window or group it is bound to',
          response: { 200: S.OwnDeviceView, ...err },
        },
      },
      async (req) => {
        const r = await getOwnDevice(deps, req.actor);
        return {
          device: presentDevice(r.device),
          window: presentPlace(r.window),
          group: presentPlace(r.group),
        };
      },
    );
    app.get(
      '/admin/hall/settings',
      {
        schema: {
          tags,
          summary: 'Priorities and the no-show suspension in force',
          response: { 200: S.SettingsView, ...err },
        },
      },
      async (req) => getSettings(deps, req.actor),
    );
    app.put(
      '/admin/hall/settings',
      {
        schema: {
          tags,
          summary: 'Change the priorities and the no-show suspension',
          body: S.SettingsBody,
          response: { 200: S.SettingsView, ...err },
        },
      },
      async (req) => saveSettings(deps, req.actor, req.body),
    );
  };
