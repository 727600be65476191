import type { Db } from '../../db/database.js';
import type { FieldError } from '../../server/errors.js';
import { materialFileIds } from './material-files.js';
import { catalogueFiles } from './repository-material-files.js';
import type { ItemInputT } from './schemas.js';

/**
 * Every blank form and sample the items name must be a file uploaded for the catalogue (not a
 * case's upload, not an id from another installation's export); `pathOf` places each item's errors.
 */
export async function materialFileProblems(
  db: Db,
  items: readonly ItemInputT[],
  pathOf: (i: number) => string,
): Promise<FieldError[]> {
  const known = new Set((await catalogueFiles(db, items.flatMap(materialFileIds))).map((f) => f.id));
  const out: FieldError[] = [];
  items.forEach((item, i) =>
    item.materials.forEach((m, j) => {
      for (const field of ['blankFormFileId', 'sampleFileId'] as const) {
        const id = m[field];
        if (!id || known.has(id)) continue;
        const blank = field === 'blankFormFileId';
        out.push({
          path: `${pathOf(i)}/materials/${j}/${field}`,
          code: 'unknown_file',
          zh: `材料“${m.name}”的${blank ? '空白表格' : '示范文本'}不是为事项目录上传的文件，请重新上传`,
          en: `The ${blank ? 'blank form' : 'sample'} of "${m.name}" is not a file uploaded for the catalogue; upload it again`,
        });
      }
    }),
  );
  return out;
}
