import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ConfigError, loadConfig } from '../../config/config.js';
import { channelsFromConfig } from './channels/channels-from-config.js';
import type { Db } from '../../db/database.js';
import { ManualClock } from '../../shared/clock.js';

const fails = (env: Record<string, string>, variable: string, leak?: string) => {
  assert.throws(
    () => loadConfig(env),
    (e: unknown) =>
      e instanceof ConfigError &&
      e.variable === variable &&
      e.message.startsWith(`${variable}: `) &&
      (!leak || !e.message.includes(leak)),
    variable,
  );
};
const SMS = {
  SMS_GATEWAY_URL: 'https://sms.example.gov.cn/send',
  SMS_GATEWAY_KEY_ID: 'ow-1',
  SMS_GATEWAY_SECRET: 's'.repeat(16),
};
const channels = (env: Record<string, string>) =>
  channelsFromConfig(loadConfig(env), {} as Db, new ManualClock('2026-01-01T00:00:00Z')).map((c) => c.name);

test('notification settings: defaults, and channels only for what is configured', () => {
  const c = loadConfig({});
  assert.deepEqual(
    [c.notificationIntervalMs, c.smtpUrl, c.smsGateway, c.mailFrom],
    [5000, undefined, undefined, '一窗通 <no-reply@onewindow.invalid>'],
  );
  assert.deepEqual(channels({}), ['inbox']);
  assert.deepEqual(channels({ SMTP_URL: 'smtps://user:pw@mail.example.gov.cn:465' }), ['inbox', 'email']);
  assert.deepEqual(
    channels({ ...SMS, SMTP_URL: 'smtp://127.0.0.1:2525', MAIL_FROM: 'no-reply@example.gov.cn' }),
    ['inbox', 'email', 'sms'],
  );
  assert.deepEqual(loadConfig({ ...SMS, SMS_GATEWAY_TIMEOUT_MS: '3000' }).smsGateway, {
    url: SMS.SMS_GATEWAY_URL,
    keyId: 'ow-1',
    secret: 's'.repeat(16),
    timeoutMs: 3000,
  });
});

test('each wrong notification setting names its variable, and secrets are not echoed', () => {
  fails({ SMTP_URL: 'http://mail.example.gov.cn' }, 'SMTP_URL');
  fails({ SMTP_URL: 'smtp://user:hunter2@' }, 'SMTP_URL', 'hunter2');
  fails({ MAIL_FROM: 'nobody' }, 'MAIL_FROM');
  fails({ MAIL_FROM: '一窗通 <a@b' }, 'MAIL_FROM');
  fails({ ...SMS, SMS_GATEWAY_URL: 'ftp://sms.example.gov.cn' }, 'SMS_GATEWAY_URL');
  fails(
    { SMS_GATEWAY_URL: SMS.SMS_GATEWAY_URL, SMS_GATEWAY_SECRET: SMS.SMS_GATEWAY_SECRET },
    'SMS_GATEWAY_KEY_ID',
  );
  fails({ SMS_GATEWAY_URL: SMS.SMS_GATEWAY_URL, SMS_GATEWAY_KEY_ID: 'ow-1' }, 'SMS_GATEWAY_SECRET');
  fails({ ...SMS, SMS_GATEWAY_SECRET: 'short-secret' }, 'SMS_GATEWAY_SECRET', 'short-secret');
  fails({ SMS_GATEWAY_KEY_ID: 'ow-1' }, 'SMS_GATEWAY_URL');
  fails({ ...SMS, SMS_GATEWAY_TIMEOUT_MS: 'soon' }, 'SMS_GATEWAY_TIMEOUT_MS');
  fails({ NOTIFICATION_INTERVAL_MS: '5' }, 'NOTIFICATION_INTERVAL_MS');
});
