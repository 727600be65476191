import type { Db } from '../../db/database.js';
import type { Clock } from '../../shared/clock.js';
import { AppError } from '../../server/errors.js';
import { countLoginFailures } from './repository.js';

/**
 * Failed guesses per address (a login, a tracking code, a document's check code), counted in the
 * database so every instance sees them; `key` names the door and the address (`track:1.2.3.4`).
 */
export const countFailures = (db: Db, key: string, sinceIso: string): Promise<number> =>
  countLoginFailures(db, key, sinceIso);

/**
 * A door guarded per address: at most maxFailures wrong guesses in the window, then 429. Failures
 * live in the database (shared by every instance); addresses that failed recently on this instance
 * are the only ones that pay for the count query, so a right guess costs nothing extra.
 */
export class AddressGate {
  private readonly suspects = new Map<string, number>();

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly door: string,
    readonly policy: { maxFailures: number; windowMinutes: number },
  ) {}

  /** Throws rate_limited when the address has used up its wrong guesses. */
  async check(ip: string, now: Date = this.clock.now()): Promise<void> {
    const suspectSince = this.suspects.get(ip);
    const windowStart = now.getTime() - this.policy.windowMinutes * 60_000;
    if (
      suspectSince !== undefined &&
      suspectSince >= windowStart &&
      (await countFailures(this.db, `${this.door}:${ip}`, new Date(windowStart).toISOString())) >=
        this.policy.maxFailures
    ) {
      const retryAfter = this.policy.windowMinutes * 60;
      throw new AppError('rate_limited', { retryAfter }, [], { retryAfter });
    }
  }

  /** Counts one wrong guess of the address. */
  async fail(ip: string, now: Date = this.clock.now()): Promise<void> {
    this.suspects.set(ip, now.getTime());
    if (this.suspects.size > 10_000) this.suspects.delete(this.suspects.keys().next().value!);
    await this.db
      .insertInto('login_failures')
      .values({ key: `${this.door}:${ip}`, at: now.toISOString() })
      .execute();
  }
}
