import type { Db } from '../../db/database.js';
import { AppError } from '../../server/errors.js';
import { departmentCodeMap, publishedFeeCodes } from './repository.js';
import type { ItemInputT } from './schemas.js';
import { materialFileIds as materialFileIdsOf } from './material-files.js';
import { itemProblems } from './validate-catalogue.js';
import { catalogueFiles } from './repository-material-files.js';

/** Checks an item against the live catalogue; returns its department id or throws every problem at once. */
export async function assertItemValid(db: Db, input: ItemInputT): Promise<string> {
  const depts = await departmentCodeMap(db);
  const problems = itemProblems(input, '/body', {
    departmentCodes: new Set(depts.keys()),
    publishedFeeCodes: await publishedFeeCodes(db),
  });
  const known = new Set((await catalogueFiles(db, materialFileIdsOf(input))).map((f) => f.id));
  input.materials.forEach((m, i) => {
    for (const field of ['blankFormFileId', 'sampleFileId'] as const) {
      const id = m[field];
      if (id && !known.has(id))
        problems.push({
          path: `/body/materials/${i}/${field}`,
          code: 'unknown_file',
          zh: `材料“${m.name}”的${field === 'blankFormFileId' ? '空白表格' : '示范文本'}不是为事项目录上传的文件，请重新上传`,
          en: `The ${field === 'blankFormFileId' ? 'blank form' : 'sample'} of "${m.name}" is not a file uploaded for the catalogue; upload it again`,
        });
    }
  });
  if (problems.length)
    throw new AppError(
      'validation_failed',
      { summary: problems.map((p) => `${p.path} ${p.en}`).join('; ') },
      problems,
    );
  return depts.get(input.departmentCode)!;
}
