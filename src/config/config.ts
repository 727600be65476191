import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { availableParallelism } from 'node:os';
import { lettersVars, type LettersConfig } from './letters-config.js';
import { hallVars, type HallConfig } from './hall-config.js';
import { ratingsVars, type RatingsConfig } from './ratings-config.js';

/** Runtime configuration, read once from the environment and validated before anything starts. */
export interface Config {
  port: number;
  host: string;
  /**
   * HTTP processes of one `serve` beside the one that starts them (0: everything in one process).
   * With N ≥ 1 the first process brings the schema up to date and runs the background work
   * (supervision, notifications, SQLite checkpoints) and N processes answer requests, each with its
   * own database connection: the requests no longer share a core with the background work, and
   * N > 1 uses more cores.
   */
  httpWorkers: number;
  /**
   * On the embedded database with HTTP_WORKERS=0, new applications are written by a thread of their
   * own with its own connection (INTAKE_THREAD=on, the default), so the request thread keeps
   * answering while a batch is written and made durable; off writes them on the request thread.
   */
  intakeThread: boolean;
  dataDir: string;
  databaseUrl: string | undefined;
  /**
   * PostgreSQL: connections of this process's pool (PG_POOL_SIZE; default: a few per core of this
   * machine, which is what the server can run at once for it).
   */
  pgPoolSize: number;
  /**
   * PostgreSQL: statements run again and again are prepared once per connection
   * (PG_PREPARED_STATEMENTS=on, the default); off for a connection pooler in front of the server
   * that does not keep prepared statements (PgBouncer before 1.21 in transaction mode).
   */
  pgPreparedStatements: boolean;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  sessionTtlHours: number;
  /** 'real' in production; 'test' lets the clock be moved (refused when NODE_ENV=production). */
  timeMode: 'real' | 'test';
  /**
   * Which X-Forwarded-For hops to believe: false (none), a number of proxies in front, or their
   * addresses / CIDR ranges. Never "everyone": the client writes the leftmost entries itself.
   */
  trustProxy: false | number | string;
  /** The address people reach the center at; printed in QR codes and links on documents. */
  publicBaseUrl: string;
  /** How often each instance runs electronic supervision over due clocks. */
  supervisionIntervalMs: number;
  /** Threads rendering documents' PDFs after their commit (RENDER_THREADS; default: the cores less one). */
  renderThreads: number;
  /** How often each instance expands the notification outbox and delivers what is due. */
  notificationIntervalMs: number;
  /** smtp://[user:password@]host:port or smtps://…; without it there is no email channel. */
  smtpUrl: string | undefined;
  /** The From of every email: `addr@host` or `Name <addr@host>`. */
  mailFrom: string;
  /** The HTTP SMS gateway; without it there is no SMS channel. */
  smsGateway: SmsGatewayConfig | undefined;
  /** Unified fee collection: payment channels, due dates and the refund limits (domain.md §4). */
  fees: FeesConfig;
  /**
   * The bearer token /metrics asks for (METRICS_TOKEN); unset, /metrics answers nobody: the
   * metrics name every route and its traffic, which is not for the public.
   */
  metricsToken: string | undefined;
  /** Letters answered (来函必复): the reply limit of each kind of letter. */
  letters: LettersConfig;
  hall: HallConfig;
  /** Service ratings (好差评) and democratic appraisal: rectification clocks, reminders, the bottom. */
  ratings: RatingsConfig;
  /** The reporting center (举报中心): reopening, notice limits, public statistics, Open311. */
  complaints: ComplaintSettings;
}

export interface ComplaintSettings {
  /** Working days after closing in which the reporter may reopen (DIGIT uses 5). */
  reopenDays: number;
  /** Working days within which a real-name reporter is told of acceptance, and of the result after closing. */
  noticeDays: number;
  /** Tickets a department needs before its public statistics are shown. */
  statsMinimum: number;
  /** Days back the duplicate suggestion looks. */
  duplicateWindowDays: number;
  /** Open311 jurisdiction_id this server answers for. */
  jurisdictionId: string;
}

export interface FeesConfig {
  /** The generic HTTP payment gateway (HMAC-signed notifications); undefined when not configured. */
  gateway: { name: string; secret: string; checkoutUrl: string | undefined } | undefined;
  /** The built-in simulated online gateway (checkout page on this server); refused in production. */
  simulator: boolean;
  /** A notification whose timestamp is further than this from now is refused as a replay. */
  notificationMaxAgeSeconds: number;
  /** Working days from issue to the due date printed on a payment form. */
  dueDays: number;
  /** Working-day limits of the refund steps (one province's rule, the default). */
  refundDays: { review: number; file: number; approval: number; payment: number };
}

export interface SmsGatewayConfig {
  url: string;
  keyId: string;
  secret: string;
  timeoutMs: number;
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    problem: string,
  ) {
    super(`${variable}: ${problem}`);
  }
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/**
 * Connections for one process: PostgreSQL runs as many statements at once as it has cores, and a
 * connection also waits on the network and on commits, so a few per core keep it busy; more only
 * make it switch between them (the former fixed 10 on 2 cores).
 */
function defaultPgPoolSize(): number {
  return Math.min(16, Math.max(4, 2 * os.availableParallelism()));
}

function intVar(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw)) throw new ConfigError(name, `must be a whole number, got "${raw}"`);
  const n = Number(raw);
  if (n < min || n > max) throw new ConfigError(name, `must be between ${min} and ${max}, got ${n}`);
  return n;
}

function urlVar(
  env: NodeJS.ProcessEnv,
  name: string,
  protocols: string[],
  shape: string,
): string | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  // The value is not echoed: these URLs may carry a password.
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    throw new ConfigError(name, `must be a URL like ${shape}`);
  }
  if (!protocols.includes(u.protocol) || !u.hostname)
    throw new ConfigError(name, `must be a URL like ${shape}`);
  return raw;
}

const MAIL_FROM = /^(?:[^<>@\r\n]*<[^\s<>@]+@[^\s<>@]+>|[^\s<>@]+@[^\s<>@]+)$/;

function notificationVars(env: NodeJS.ProcessEnv) {
  const smtpUrl = urlVar(
    env,
    'SMTP_URL',
    ['smtp:', 'smtps:'],
    'smtp://host:port or smtps://user:password@host:port',
  );
  const mailFrom = env.MAIL_FROM || '一窗通 <no-reply@onewindow.invalid>';
  if (!MAIL_FROM.test(mailFrom))
    throw new ConfigError(
      'MAIL_FROM',
      `must be an address like no-reply@example.gov.cn or 一窗通 <no-reply@example.gov.cn>, got "${mailFrom}"`,
    );
  const smsUrl = urlVar(env, 'SMS_GATEWAY_URL', ['http:', 'https:'], 'https://sms.example.gov.cn/send');
  const keyId = env.SMS_GATEWAY_KEY_ID || undefined;
  const secret = env.SMS_GATEWAY_SECRET || undefined;
  const timeoutMs = intVar(env, 'SMS_GATEWAY_TIMEOUT_MS', 10_000, 100, 120_000);
  let smsGateway: SmsGatewayConfig | undefined;
  if (smsUrl) {
    if (!keyId) throw new ConfigError('SMS_GATEWAY_KEY_ID', 'must be set when SMS_GATEWAY_URL is');
    if (/\s/.test(keyId)) throw new ConfigError('SMS_GATEWAY_KEY_ID', 'must not contain spaces');
    if (!secret) throw new ConfigError('SMS_GATEWAY_SECRET', 'must be set when SMS_GATEWAY_URL is');
    if (secret.length < 16)
      throw new ConfigError('SMS_GATEWAY_SECRET', 'must be at least 16 characters long');
    smsGateway = { url: smsUrl, keyId, secret, timeoutMs };
  } else if (keyId || secret) {
    throw new ConfigError('SMS_GATEWAY_URL', 'must be set when SMS_GATEWAY_KEY_ID or SMS_GATEWAY_SECRET is');
  }
  return {
    notificationIntervalMs: intVar(env, 'NOTIFICATION_INTERVAL_MS', 5_000, 100, 3_600_000),
    smtpUrl,
    mailFrom,
    smsGateway,
  };
}

function complaintVars(env: NodeJS.ProcessEnv): ComplaintSettings {
  const jurisdictionId = env.OPEN311_JURISDICTION_ID || 'qinghe.gov.cn';
  if (!/^[A-Za-z0-9.-]{1,100}$/.test(jurisdictionId))
    throw new ConfigError('OPEN311_JURISDICTION_ID', `must be a domain-like name, got "${jurisdictionId}"`);
  return {
    reopenDays: intVar(env, 'COMPLAINT_REOPEN_DAYS', 5, 0, 60),
    noticeDays: intVar(env, 'COMPLAINT_NOTICE_DAYS', 15, 1, 60),
    statsMinimum: intVar(env, 'COMPLAINT_STATS_MIN_TICKETS', 10, 1, 100_000),
    duplicateWindowDays: intVar(env, 'COMPLAINT_DUPLICATE_WINDOW_DAYS', 30, 1, 365),
    jurisdictionId,
  };
}

const GATEWAY_NAME = /^[a-z][a-z0-9-]{1,30}$/;

function feeVars(env: NodeJS.ProcessEnv): FeesConfig {
  const secret = env.PAYMENT_GATEWAY_SECRET || undefined;
  const name = env.PAYMENT_GATEWAY_NAME || 'gateway';
  const checkoutUrl = urlVar(
    env,
    'PAYMENT_GATEWAY_CHECKOUT_URL',
    ['http:', 'https:'],
    'https://pay.example.gov.cn/checkout?code={paymentCode}',
  );
  if (!GATEWAY_NAME.test(name) || name === 'simulated')
    throw new ConfigError(
      'PAYMENT_GATEWAY_NAME',
      `must be 2-31 lower-case letters, digits or hyphens and not "simulated", got "${name}"`,
    );
  if (checkoutUrl && !checkoutUrl.includes('{paymentCode}'))
    throw new ConfigError('PAYMENT_GATEWAY_CHECKOUT_URL', 'must contain the placeholder {paymentCode}');
  if (secret !== undefined && secret.length < 32)
    throw new ConfigError('PAYMENT_GATEWAY_SECRET', 'must be at least 32 characters long');
  if (!secret && (checkoutUrl || env.PAYMENT_GATEWAY_NAME))
    throw new ConfigError(
      'PAYMENT_GATEWAY_SECRET',
      'must be set when PAYMENT_GATEWAY_NAME or PAYMENT_GATEWAY_CHECKOUT_URL is',
    );
  const sim = env.PAYMENT_SIMULATOR || (env.NODE_ENV === 'production' ? 'off' : 'on');
  if (sim !== 'on' && sim !== 'off')
    throw new ConfigError('PAYMENT_SIMULATOR', `must be "on" or "off", got "${sim}"`);
  if (sim === 'on' && env.NODE_ENV === 'production')
    throw new ConfigError(
      'PAYMENT_SIMULATOR',
      'the simulated gateway marks forms paid without money and is refused when NODE_ENV=production',
    );
  return {
    gateway: secret ? { name, secret, checkoutUrl } : undefined,
    simulator: sim === 'on',
    notificationMaxAgeSeconds: intVar(env, 'PAYMENT_NOTIFICATION_MAX_AGE_SECONDS', 300, 10, 86_400),
    dueDays: intVar(env, 'FEE_DUE_DAYS', 10, 1, 90),
    refundDays: {
      review: intVar(env, 'REFUND_REVIEW_DAYS', 10, 1, 60),
      file: intVar(env, 'REFUND_FILE_DAYS', 5, 1, 60),
      approval: intVar(env, 'REFUND_APPROVAL_DAYS', 10, 1, 60),
      payment: intVar(env, 'REFUND_PAYMENT_DAYS', 10, 1, 60),
    },
  };
}

function publicBaseUrl(env: NodeJS.ProcessEnv): string {
  const raw = env.PUBLIC_BASE_URL || `http://localhost:${env.PORT || 8080}`;
  if (!/^https?:\/\/[^\s/]+(:\d+)?(\/[^\s]*)?$/.test(raw))
    throw new ConfigError(
      'PUBLIC_BASE_URL',
      `must be an http(s) URL like https://zwfw.example.gov.cn, got "${raw}"`,
    );
  return raw.replace(/\/+$/, '');
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const databaseUrl = env.DATABASE_URL || undefined;
  if (databaseUrl !== undefined && !/^postgres(ql)?:\/\/.+/.test(databaseUrl)) {
    throw new ConfigError(
      'DATABASE_URL',
      'must start with postgres:// or postgresql:// (leave it unset for the embedded database)',
    );
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
    throw new ConfigError(
      'ONEWINDOW_TIME_MODE',
      'the movable test clock is refused when NODE_ENV=production',
    );
  }
  const httpWorkers = intVar(env, 'HTTP_WORKERS', 0, 0, 64);
  if (httpWorkers > 0 && timeMode === 'test') {
    // The test clock is moved in one process; other processes would keep the real time.
    throw new ConfigError(
      'HTTP_WORKERS',
      'must be 0 with ONEWINDOW_TIME_MODE=test (the movable clock lives in one process)',
    );
  }
  const intakeThread = env.INTAKE_THREAD || 'on';
  if (intakeThread !== 'on' && intakeThread !== 'off')
    throw new ConfigError('INTAKE_THREAD', `must be "on" or "off", got "${intakeThread}"`);
  const pgPrepared = env.PG_PREPARED_STATEMENTS || 'on';
  if (pgPrepared !== 'on' && pgPrepared !== 'off')
    throw new ConfigError('PG_PREPARED_STATEMENTS', `must be "on" or "off", got "${pgPrepared}"`);
  const trustProxy = trustProxyVar(env.TRUST_PROXY);
  const dataDir = env.DATA_DIR || './data';
  if (dataDir.includes('\0')) throw new ConfigError('DATA_DIR', 'must be a path');
  return {
    port: intVar(env, 'PORT', 8080, 0, 65535),
    host: env.HOST || '0.0.0.0',
    httpWorkers,
    intakeThread: intakeThread === 'on',
    dataDir: path.resolve(dataDir),
    databaseUrl,
    pgPoolSize: intVar(env, 'PG_POOL_SIZE', defaultPgPoolSize(), 1, 1000),
    pgPreparedStatements: pgPrepared === 'on',
    logLevel: logLevel as Config['logLevel'],
    sessionTtlHours: intVar(env, 'SESSION_TTL_HOURS', 12, 1, 24 * 30),
    timeMode,
    trustProxy,
    supervisionIntervalMs: intVar(env, 'SUPERVISION_INTERVAL_MS', 10_000, 100, 3_600_000),
    renderThreads: intVar(env, 'RENDER_THREADS', Math.max(1, availableParallelism() - 1), 1, 64),
    publicBaseUrl: publicBaseUrl(env),
    ...notificationVars(env),
    fees: feeVars(env),
    metricsToken: metricsToken(env),
    letters: lettersVars(env, intVar),
    hall: hallVars(env, intVar),
    ratings: ratingsVars(env, intVar),
    complaints: complaintVars(env),
  };
}

function metricsToken(env: NodeJS.ProcessEnv): string | undefined {
  const token = env.METRICS_TOKEN || undefined;
  if (token !== undefined && (token.length < 16 || /\s/.test(token)))
    throw new ConfigError('METRICS_TOKEN', 'must be at least 16 characters long, without spaces');
  return token;
}

/**
 * TRUST_PROXY: "false" (default); "true" or a number N: the N reverse proxies in front of the
 * server ("true" = one) — the client address is the one the outermost of them saw; or a comma-
 * separated list of the proxies' addresses or CIDR ranges. Trusting every hop would let a client
 * pick its own address by sending X-Forwarded-For (and so dodge the per-address limits).
 */
function trustProxyVar(raw: string | undefined): false | number | string {
  const v = (raw ?? '').trim();
  if (v === '' || v === 'false') return false;
  if (v === 'true') return 1;
  if (/^\d+$/.test(v)) {
    const n = Number(v);
    if (n < 1 || n > 10)
      throw new ConfigError('TRUST_PROXY', `a number of proxies must be 1..10, got "${v}"`);
    return n;
  }
  const parts = v.split(',').map((p) => p.trim());
  const bad = parts.find((p) => {
    const [addr, bits, more] = p.split('/');
    const kind = net.isIP(addr ?? '');
    if (!kind || more !== undefined) return true;
    return bits !== undefined && !(/^\d+$/.test(bits) && Number(bits) <= (kind === 4 ? 32 : 128));
  });
  if (bad !== undefined)
    throw new ConfigError(
      'TRUST_PROXY',
      `must be "false", "true", a number of proxies, or proxy addresses / CIDR ranges separated by commas; "${bad}" is none of these`,
    );
  return parts.join(',');
}
