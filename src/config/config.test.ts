import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadConfig, ConfigError } from './config.js';

const fails = (env: Record<string, string>, variable: string) => {
  assert.throws(
    () => loadConfig(env),
    (e: unknown) =>
      e instanceof ConfigError && e.variable === variable && e.message.startsWith(`${variable}: `),
  );
};

test('defaults: port 8080, ./data, embedded database, real time', () => {
  const c = loadConfig({});
  assert.equal(c.port, 8080);
  assert.match(c.dataDir, /\/data$/);
  assert.equal(c.databaseUrl, undefined);
  assert.equal(c.timeMode, 'real');
  assert.equal(c.httpWorkers, 0, 'one process does everything unless told otherwise');
});

test('each wrong value names its variable', () => {
  fails({ PORT: 'abc' }, 'PORT');
  fails({ PORT: '70000' }, 'PORT');
  fails({ DATABASE_URL: 'mysql://localhost/x' }, 'DATABASE_URL');
  fails({ LOG_LEVEL: 'verbose' }, 'LOG_LEVEL');
  fails({ SESSION_TTL_HOURS: '0' }, 'SESSION_TTL_HOURS');
  fails({ TRUST_PROXY: 'yes' }, 'TRUST_PROXY');
  fails({ TRUST_PROXY: '0' }, 'TRUST_PROXY');
  fails({ TRUST_PROXY: '10.0.0.0/33' }, 'TRUST_PROXY');
  fails({ TRUST_PROXY: '10.0.0.1, proxy.local' }, 'TRUST_PROXY');
  fails({ SUPERVISION_INTERVAL_MS: '5' }, 'SUPERVISION_INTERVAL_MS');
  fails({ ONEWINDOW_TIME_MODE: 'fast' }, 'ONEWINDOW_TIME_MODE');
  fails({ HTTP_WORKERS: '-1' }, 'HTTP_WORKERS');
  fails({ HTTP_WORKERS: 'two' }, 'HTTP_WORKERS');
  fails({ HTTP_WORKERS: '65' }, 'HTTP_WORKERS');
  fails({ INTAKE_THREAD: 'yes' }, 'INTAKE_THREAD');
});

test('METRICS_TOKEN: unset by default (metrics answer nobody), else a long token without spaces', () => {
  assert.equal(loadConfig({}).metricsToken, undefined);
  assert.equal(
    loadConfig({ METRICS_TOKEN: 'scrape-0123456789abcdef' }).metricsToken,
    'scrape-0123456789abcdef',
  );
  fails({ METRICS_TOKEN: 'short' }, 'METRICS_TOKEN');
  fails({ METRICS_TOKEN: 'has a space 0123456789' }, 'METRICS_TOKEN');
});

test('the intake thread is on unless turned off', () => {
  assert.equal(loadConfig({}).intakeThread, true);
  assert.equal(loadConfig({ INTAKE_THREAD: 'off' }).intakeThread, false);
  assert.equal(loadConfig({ INTAKE_THREAD: 'on' }).intakeThread, true);
});

test('HTTP processes: several with the real clock, none beside the movable test clock', () => {
  assert.equal(loadConfig({ HTTP_WORKERS: '2' }).httpWorkers, 2);
  fails({ HTTP_WORKERS: '2', ONEWINDOW_TIME_MODE: 'test' }, 'HTTP_WORKERS');
  assert.equal(loadConfig({ HTTP_WORKERS: '0', ONEWINDOW_TIME_MODE: 'test' }).httpWorkers, 0);
});

test('the movable test clock is refused in production', () => {
  fails({ ONEWINDOW_TIME_MODE: 'test', NODE_ENV: 'production' }, 'ONEWINDOW_TIME_MODE');
  assert.equal(loadConfig({ ONEWINDOW_TIME_MODE: 'test' }).timeMode, 'test');
  assert.equal(loadConfig({ DATABASE_URL: 'postgresql://u@h/db' }).databaseUrl, 'postgresql://u@h/db');
});

test('TRUST_PROXY: no hops by default, a number of proxies, or their addresses; never every hop', () => {
  assert.equal(loadConfig({}).trustProxy, false);
  assert.equal(loadConfig({ TRUST_PROXY: 'false' }).trustProxy, false);
  assert.equal(
    loadConfig({ TRUST_PROXY: 'true' }).trustProxy,
    1,
    '"true" means the one proxy in front, not everyone',
  );
  assert.equal(loadConfig({ TRUST_PROXY: '2' }).trustProxy, 2);
  assert.equal(
    loadConfig({ TRUST_PROXY: '10.0.0.0/8, 192.168.1.5,::1' }).trustProxy,
    '10.0.0.0/8,192.168.1.5,::1',
  );
});
