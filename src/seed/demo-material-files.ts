import path from 'node:path';
import type { AppContext } from '../server/context.js';
import type { Actor } from '../shared/actor.js';
import { FileSystemStorage } from '../modules/documents/storage.js';
import { renderFormSheet, type FormSheet } from '../modules/documents/render-form-sheet.js';
import { uploadMaterialFile } from '../modules/catalogue/upload-material-file.js';
import { updateItemDraft } from '../modules/catalogue/update-item-draft.js';
import { publishItem } from '../modules/catalogue/publish-item.js';
import type { ItemInputT } from '../modules/catalogue/schemas.js';

const NOTES = [
  '请使用黑色钢笔或签字笔填写，字迹清楚。',
  '申请人为单位的，须加盖公章。',
  '所填内容须真实，虚假申请将依法承担责任。',
];

/** The demo's blank forms and samples: which material of which item, and the sheet's fields. */
const SHEETS: { item: string; material: string; fields: [label: string, sample: string][] }[] = [
  {
    item: '食品经营许可',
    material: '食品经营许可申请书',
    fields: [
      ['申请人名称', '清河市好味道餐饮有限公司'],
      ['统一社会信用代码', '91330900MA2BXXXX1K'],
      ['法定代表人（负责人）', '张三'],
      ['经营场所', '清河市人民路 88 号一层'],
      ['主体业态', '餐饮服务经营者（小型餐馆）'],
      ['经营项目', '热食类食品制售'],
      ['联系人及电话', '张三 139****5678'],
    ],
  },
  {
    item: '食品经营许可',
    material: '主要设备设施清单',
    fields: [
      ['设备名称', '商用冷藏冷冻柜'],
      ['数量', '2 台'],
      ['设备名称', '餐具消毒柜'],
      ['数量', '1 台'],
      ['存放位置', '后厨操作间'],
    ],
  },
  {
    item: '食品经营许可',
    material: '授权委托书',
    fields: [
      ['委托人', '清河市好味道餐饮有限公司'],
      ['受托人及身份证号', '李四 110105********002X'],
      ['委托事项', '办理食品经营许可申请及领取许可证'],
      ['委托期限', '2026 年 12 月 1 日至 2026 年 12 月 31 日'],
    ],
  },
];

/**
 * Blank forms (空白表格) and samples (示范文本) for a few materials of the demo's main item: PDFs
 * drawn here, uploaded by the administrator and published as the item's next version.
 */
export async function seedDemoMaterialFiles(ctx: AppContext): Promise<number> {
  const user = await ctx.db
    .selectFrom('users')
    .select('id')
    .where('username', '=', 'admin')
    .executeTakeFirst();
  if (!user) return 0;
  const admin: Actor = { id: user.id, role: 'admin', departmentId: null, ip: null, username: 'admin' };
  const storage = new FileSystemStorage(path.join(ctx.config.dataDir, 'blobs'));
  const issuedAt = ctx.clock.now().toISOString();
  let made = 0;
  for (const itemName of new Set(SHEETS.map((s) => s.item))) {
    const item = await ctx.db
      .selectFrom('items')
      .innerJoin('item_versions as v', 'v.id', 'items.current_version_id')
      .select(['items.id', 'items.version', 'v.data'])
      .where('v.name', '=', itemName)
      .where('items.status', '=', 'published')
      .executeTakeFirst();
    if (!item) continue;
    const data = JSON.parse(item.data) as ItemInputT;
    for (const s of SHEETS.filter((x) => x.item === itemName)) {
      const m = data.materials.find((x) => x.name === s.material);
      if (!m) continue;
      const sheet = (label: string, filled: boolean): FormSheet => ({
        title: s.material,
        label,
        fields: s.fields.map(([l, v]) => ({ label: l, ...(filled ? { value: v } : {}) })),
        notes: NOTES,
        issuedAt,
      });
      const blank = await uploadMaterialFile(ctx.db, ctx.clock, storage, admin, {
        name: `${s.material}（空白表格）.pdf`,
        data: await renderFormSheet(sheet('空白表格', false)),
      });
      const sample = await uploadMaterialFile(ctx.db, ctx.clock, storage, admin, {
        name: `${s.material}（示范文本）.pdf`,
        data: await renderFormSheet(sheet('示范文本', true)),
      });
      m.blankFormFileId = blank.id;
      m.sampleFileId = sample.id;
      made += 2;
    }
    await updateItemDraft(ctx.db, ctx.clock, admin, item.id, item.version, data);
    await publishItem(ctx.db, ctx.clock, admin, item.id, item.version + 1, '补充空白表格和示范文本');
  }
  return made;
}
