import type { Db } from '../../db/database.js';
import { AppError } from '../../server/errors.js';
import { departmentCodeMap, publishedFeeCodes } from './repository.js';
import type { ItemInputT } from './schemas.js';
import { itemProblems } from './validate-catalogue.js';
import { materialFileProblems } from './material-file-rules.js';

/** Checks an item against the live catalogue; returns its department id or throws every problem at once. */
export async function assertItemValid(db: Db, input: ItemInputT): Promise<string> {
  const depts = await departmentCodeMap(db);
  const problems = itemProblems(input, '/body', {
    departmentCodes: new Set(depts.keys()),
    publishedFeeCodes: await publishedFeeCodes(db),
  });
  problems.push(...(await materialFileProblems(db, [input], () => '/body')));
  if (problems.length)
    throw new AppError(
      'validation_failed',
      { summary: problems.map((p) => `${p.path} ${p.en}`).join('; ') },
      problems,
    );
  return depts.get(input.departmentCode)!;
}
