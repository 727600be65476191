import type { Db } from '../../db/database.js';
import type { Actor } from '../../shared/actor.js';
import { fromJson } from '../../shared/json.js';
import { authorize } from '../../shared/policy.js';
import { cataloguePolicy } from './policy.js';
import { listSynonymRows } from './repository.js';

/** The search synonym list, for those who maintain it. */
export async function listSynonyms(db: Db, actor: Actor) {
  authorize(actor, cataloguePolicy.writeSynonyms, undefined, 'synonyms.read');
  return {
    synonyms: (await listSynonymRows(db)).map((r) => ({
      term: r.term,
      synonyms: fromJson<string[]>(r.synonyms, []),
    })),
  };
}
