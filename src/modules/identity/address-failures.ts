import type { Db } from '../../db/database.js';
import { countLoginFailures } from './repository.js';

/**
 * Failed guesses per address (a login, a tracking code, a document's check code), counted in the
 * database so every instance sees them; `key` names the door and the address (`track:1.2.3.4`).
 */
export const countFailures = (db: Db, key: string, sinceIso: string): Promise<number> =>
  countLoginFailures(db, key, sinceIso);
