/** The part of a pino logger the database layer writes to. */
export interface DatabaseLogger {
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

/**
 * Where the database layer reports what it survives (a connection the server dropped, a disk that
 * filled up). A database is opened before the HTTP server and its logger exist, so until
 * setLogger() it writes JSON lines to stderr, as pino would.
 */
export class DatabaseLog implements DatabaseLogger {
  private target: DatabaseLogger | undefined;
  setLogger(log: DatabaseLogger): void {
    this.target = log;
  }
  warn(obj: object, msg: string): void {
    if (this.target) this.target.warn(obj, msg);
    else process.stderr.write(`${JSON.stringify({ level: 40, ...obj, msg })}\n`);
  }
  error(obj: object, msg: string): void {
    if (this.target) this.target.error(obj, msg);
    else process.stderr.write(`${JSON.stringify({ level: 50, ...obj, msg })}\n`);
  }
}
