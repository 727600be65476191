import type pg from 'pg';

/** The most statements given a name (each connection keeps the parsed statement and its plan of each it ran). */
const MAX_NAMED = 400;
/** Runs of a text before it gets a name: a one-off statement is not kept on every connection. */
const NAME_AFTER = 3;
/** The most texts counted while they wait for their name (the count starts over beyond it). */
const MAX_COUNTED = 5_000;

/**
 * Statements run again and again go to the server as named prepared statements: each connection
 * parses and plans one once and afterwards only binds and executes it, where an unnamed statement is
 * parsed, analysed and planned on every run (a submission's dozen statements spent more of
 * PostgreSQL's CPU there than in their work). A text gets its name after NAME_AFTER runs in this
 * process; at most MAX_NAMED texts get one (the insert compiler's shapes and the prepared queries are
 * far fewer), the others stay unnamed. Names are this process's own, and a connection is this
 * process's, so two instances on one server never share one.
 */
export class NamedStatements {
  private readonly names = new Map<string, string>();
  private counted = new Map<string, number>();

  nameOf(text: string): string | undefined {
    const name = this.names.get(text);
    if (name !== undefined || this.names.size >= MAX_NAMED) return name;
    const n = (this.counted.get(text) ?? 0) + 1;
    if (n < NAME_AFTER) {
      if (this.counted.size >= MAX_COUNTED) this.counted = new Map();
      this.counted.set(text, n);
      return undefined;
    }
    this.counted.delete(text);
    const given = `ow${this.names.size}`;
    this.names.set(text, given);
    return given;
  }

  get size(): number {
    return this.names.size;
  }

  /** Makes a new connection of the pool run its queries with parameters by name. */
  install(pool: pg.Pool): void {
    pool.on('connect', (client) => {
      const query = client.query.bind(client) as (...args: unknown[]) => unknown;
      // Kysely runs every statement as query(text, values); anything else goes through unchanged.
      (client as { query: unknown }).query = (...args: unknown[]) => {
        const [text, values] = args;
        if (args.length === 2 && typeof text === 'string' && Array.isArray(values)) {
          const name = this.nameOf(text);
          if (name !== undefined) return query({ name, text, values });
        }
        return query(...args);
      };
    });
  }
}
