import type { Db } from '../db/database.js';
import { withStartupLock } from '../db/startup-lock.js';
import type { Clock } from '../shared/clock.js';
import type { Progress } from '../modules/catalogue/import-catalogue.js';
import { isEmpty, seedDemo } from '../seed/seed-demo.js';

/**
 * `serve`'s first start: the demo catalogue and accounts go into an empty database, once, however
 * many instances start together on it (the startup lock; the others find it filled). True when this
 * process loaded them. `andThen` loads the other modules' demo data under the same lock.
 */
export async function seedDemoOnFirstStart(
  db: Db,
  clock: Clock,
  opts: { starting?: () => void; progress?: Progress; andThen?: () => Promise<void> } = {},
): Promise<boolean> {
  return withStartupLock(db, async () => {
    if (!(await isEmpty(db))) return false;
    opts.starting?.();
    await seedDemo(db, clock, opts.progress);
    await opts.andThen?.();
    return true;
  });
}
