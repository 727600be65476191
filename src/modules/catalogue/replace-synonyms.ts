import type { Db } from '../../db/database.js';
import type { Clock } from '../../shared/clock.js';
import type { Actor } from '../../shared/actor.js';
import { toJson } from '../../shared/json.js';
import { authorize } from '../../shared/policy.js';
import { audited, type UnitOfWork } from '../audit/audited-transaction.js';
import { AppError, type FieldError } from '../../server/errors.js';
import { cataloguePolicy } from './policy.js';
import type { SynonymEntryT } from './schemas.js';

export function synonymProblems(entries: SynonymEntryT[], path: string): FieldError[] {
  const seen = new Set<string>();
  const out: FieldError[] = [];
  entries.forEach((e, i) => {
    const t = e.term.trim().toLowerCase();
    if (seen.has(t))
      out.push({
        path: `${path}/${i}/term`,
        code: 'duplicate_term',
        zh: `词条“${e.term}”重复`,
        en: `Term "${e.term}" appears twice`,
      });
    seen.add(t);
  });
  return out;
}

export async function writeSynonyms(uow: UnitOfWork, entries: SynonymEntryT[]): Promise<void> {
  await uow.db.deleteFrom('synonyms').execute();
  const rows = entries.map((e) => ({
    term: e.term.trim().toLowerCase(),
    synonyms: toJson([...new Set(e.synonyms.map((s) => s.trim()))]),
    updated_at: uow.nowIso,
  }));
  for (let i = 0; i < rows.length; i += 500)
    await uow.db
      .insertInto('synonyms')
      .values(rows.slice(i, i + 500))
      .execute();
  await uow.audit({
    action: 'synonyms.replaced',
    entityType: 'synonyms',
    entityId: 'all',
    data: { count: rows.length },
  });
}

/** The administrator's synonym list is replaced as a whole, so what is saved is exactly what was reviewed. */
export async function replaceSynonyms(db: Db, clock: Clock, actor: Actor, entries: SynonymEntryT[]) {
  authorize(actor, cataloguePolicy.writeSynonyms, undefined, 'synonyms.replace');
  const problems = synonymProblems(entries, '/body/synonyms');
  if (problems.length)
    throw new AppError('validation_failed', { summary: problems.map((p) => p.path).join(', ') }, problems);
  await audited(db, clock, actor, (uow) => writeSynonyms(uow, entries));
}
