import path from 'node:path';

/** Runtime configuration, read once from the environment and validated before anything starts. */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  sessionTtlHours: number;
  /** 'real' in production; 'test' lets the clock be moved (refused when NODE_ENV=production). */
  timeMode: 'real' | 'test';
  trustProxy: boolean;
  /** How often each instance runs electronic supervision over due clocks. */
  supervisionIntervalMs: number;
}

export class ConfigError extends Error {
  constructor(readonly variable: string, problem: string) {
    super(`${variable}: ${problem}`);
  }
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

function intVar(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw)) throw new ConfigError(name, `must be a whole number, got "${raw}"`);
  const n = Number(raw);
  if (n < min || n > max) throw new ConfigError(name, `must be between ${min} and ${max}, got ${n}`);
  return n;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const databaseUrl = env.DATABASE_URL || undefined;
  if (databaseUrl !== undefined && !/^postgres(ql)?:\/\/.+/.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL', 'must start with postgres:// or postgresql:// (leave it unset for the embedded database)');
  }
  const logLevel = (env.LOG_LEVEL || 'info').toLowerCase();
  if (!(LOG_LEVELS as readonly string[]).includes(logLevel)) {
    throw new ConfigError('LOG_LEVEL', `must be one of ${LOG_LEVELS.join(', ')}, got "${env.LOG_LEVEL}"`);
  }
  const timeMode = env.ONEWINDOW_TIME_MODE || 'real';
  if (timeMode !== 'real' && timeMode !== 'test') {
    throw new ConfigError('ONEWINDOW_TIME_MODE', `must be "real" or "test", got "${timeMode}"`);
  }
  if (timeMode === 'test' && env.NODE_ENV === 'production') {
    throw new ConfigError('ONEWINDOW_TIME_MODE', 'the movable test clock is refused when NODE_ENV=production');
  }
  const trust = env.TRUST_PROXY || 'false';
  if (trust !== 'true' && trust !== 'false') throw new ConfigError('TRUST_PROXY', `must be "true" or "false", got "${trust}"`);
  const dataDir = env.DATA_DIR || './data';
  if (dataDir.includes('\0')) throw new ConfigError('DATA_DIR', 'must be a path');
  return {
    port: intVar(env, 'PORT', 8080, 0, 65535),
    host: env.HOST || '0.0.0.0',
    dataDir: path.resolve(dataDir),
    databaseUrl,
    logLevel: logLevel as Config['logLevel'],
    sessionTtlHours: intVar(env, 'SESSION_TTL_HOURS', 12, 1, 24 * 30),
    timeMode,
    trustProxy: trust === 'true',
    supervisionIntervalMs: intVar(env, 'SUPERVISION_INTERVAL_MS', 10_000, 100, 3_600_000),
  };
}
