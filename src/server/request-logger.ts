import type { FastifyBaseLogger } from 'fastify';
import type { Bindings, ChildLoggerOptions, Logger } from 'pino';

type Level = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace';

/**
 * A request's logger, made when the request first logs at an enabled level. Fastify makes a pino
 * child for every request (bindings serialised, redaction set up) though most requests log
 * nothing at the levels a server runs at; this one costs an object until it is used.
 */
class RequestLogger {
  private made: Logger | undefined;
  constructor(
    private readonly parent: Logger,
    private readonly bindings: Bindings,
    private readonly opts: ChildLoggerOptions,
  ) {}
  private get log(): Logger {
    return (this.made ??= this.parent.child(this.bindings, this.opts));
  }
  private at(level: Level, args: unknown[]): void {
    if (this.made || this.parent.isLevelEnabled(level))
      (this.log[level] as (...a: unknown[]) => void)(...args);
  }
  get level(): string {
    return this.made?.level ?? this.parent.level;
  }
  set level(level: string) {
    this.log.level = level;
  }
  get msgPrefix(): string | undefined {
    return this.log.msgPrefix;
  }
  fatal(...args: unknown[]) {
    this.at('fatal', args);
  }
  error(...args: unknown[]) {
    this.at('error', args);
  }
  warn(...args: unknown[]) {
    this.at('warn', args);
  }
  info(...args: unknown[]) {
    this.at('info', args);
  }
  debug(...args: unknown[]) {
    this.at('debug', args);
  }
  trace(...args: unknown[]) {
    this.at('trace', args);
  }
  silent() {}
  child(bindings: Bindings, opts?: ChildLoggerOptions) {
    return this.log.child(bindings, opts);
  }
  isLevelEnabled(level: string) {
    return this.log.isLevelEnabled(level);
  }
}

/** Fastify's childLoggerFactory: a route that sets its own level or serializers gets its child at once. */
export function requestLogger(
  logger: FastifyBaseLogger,
  bindings: Bindings,
  opts: ChildLoggerOptions,
): FastifyBaseLogger {
  if (Object.keys(opts).length) return logger.child(bindings, opts);
  return new RequestLogger(logger as unknown as Logger, bindings, opts) as unknown as FastifyBaseLogger;
}
