/** What every drills/<name>.drill.ts exports as `drill`. */
export interface DrillResult {
  /** The verdict, from the figures alone. */
  passed: boolean;
  /** What was measured, e.g. { acknowledged: 2053, lost: 0, duplicated: 0 }. */
  figures: Record<string, number | string>;
  /** One sentence: what held, or what did not. */
  verdict: string;
}

export interface Drill {
  /** One line for `npm run drill -- --help`. */
  summary: string;
  /** Bounded in time and count; starts and stops its own servers on loopback; `log` prints progress. */
  run: (log: (line: string) => void) => Promise<DrillResult>;
}
