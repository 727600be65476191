import { systemActor, type Actor } from '../shared/actor.js';
import type { AppContext } from '../server/context.js';
import { departmentCodeMap } from '../modules/catalogue/catalogue-reads.js';
import { findUser } from '../modules/identity/user-reads.js';
import { hallDeps } from '../modules/hall/hall-deps.js';
import { saveGroup } from '../modules/hall/save-group.js';
import { saveWindow } from '../modules/hall/save-window.js';
import { listGroups } from '../modules/hall/get-hall.js';
import { listSlots } from '../modules/hall/list-slots.js';
import { bookAppointment } from '../modules/hall/book-appointment.js';
import { takeTicket, type TakeTicketInput } from '../modules/hall/take-ticket.js';
import { sitAtWindow } from '../modules/hall/sit-at-window.js';
import { callNext } from '../modules/hall/call-ticket.js';
import { registerDevice } from '../modules/hall/register-device.js';

const SESSIONS: [string, string][] = [
  ['09:00', '12:00'],
  ['13:30', '17:00'],
];

const GROUPS = [
  { code: 'A', name: '市场准入', nameEn: 'Market entry', dept: 'SCJ', windows: ['E01', 'E02', 'E03'] },
  {
    code: 'B',
    name: '社保医保',
    nameEn: 'Social and medical insurance',
    dept: 'RSJ',
    windows: ['C01', 'C02'],
  },
  {
    code: 'C',
    name: '户政出入境',
    nameEn: 'Residence and travel documents',
    dept: 'GAJ',
    windows: ['B01', 'B02'],
  },
];

const userActor = async (ctx: AppContext, username: string): Promise<Actor | undefined> => {
  const u = await ctx.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst();
  const row = u && (await findUser(ctx.db, u.id));
  return row
    ? { id: row.id, role: row.role as Actor['role'], departmentId: row.department_id, ip: null, username }
    : undefined;
};

/**
 * The demo hall, through the hall's own use cases: three window groups with their windows, the
 * hall's kiosk, E01's rating tablet and a calling screen, the citizen's appointment, people waiting in each queue (one elderly), and the demo clerk at window
 * E01 with a number called, so the display has something to show. Skipped when groups exist.
 */
export async function seedDemoHall(ctx: AppContext): Promise<number> {
  const deps = hallDeps(ctx);
  const system = systemActor('seed');
  if ((await listGroups(deps, system)).groups.length) return 0;
  const depts = await departmentCodeMap(ctx.db);
  const groups = new Map<string, string>();
  for (const g of GROUPS) {
    const row = await saveGroup(deps, system, {
      code: g.code,
      name: g.name,
      nameEn: g.nameEn,
      departmentId: depts.get(g.dept) ?? null,
      itemIds: [],
      sessions: SESSIONS,
      slotMinutes: 30,
      slotCapacity: 4,
      serviceMinutes: 8,
      active: true,
    });
    groups.set(g.code, row.id);
    for (const w of g.windows)
      await saveWindow(deps, system, {
        code: w,
        name: `${w} 窗口`,
        nameEn: `Window ${w}`,
        groupIds: [row.id],
      });
  }
  // The hall's devices, registered as an administrator would: their tokens were shown once at
  // seeding, so to run a demo kiosk or tablet the administrator revokes and registers one anew.
  const e01 = await ctx.db
    .selectFrom('hall_windows')
    .select('id')
    .where('code', '=', 'E01')
    .executeTakeFirst();
  await registerDevice(deps, system, { kind: 'kiosk', name: '大厅取号机（演示）' });
  if (e01)
    await registerDevice(deps, system, { kind: 'tablet', name: 'E01 窗口评价器（演示）', windowId: e01.id });
  await registerDevice(deps, system, { kind: 'display', name: '大厅叫号屏（演示）' });
  const citizen = await userActor(ctx, 'citizen');
  const slots = await listSlots(deps, system, groups.get('A')!);
  const first = slots[0]?.slots.find((s) => s.left > 0);
  if (citizen && first)
    await bookAppointment(deps, citizen, { groupId: groups.get('A')!, day: slots[0]!.day, slot: first.slot });
  const queue: (Omit<TakeTicketInput, 'groupId'> & { group: string })[] = [
    { group: 'A', source: 'kiosk' },
    { group: 'A', source: 'kiosk', phone: '13800138000' },
    { group: 'A', source: 'desk', priority: 'elderly' },
    { group: 'A', source: 'kiosk' },
    { group: 'B', source: 'kiosk' },
    { group: 'B', source: 'kiosk' },
    { group: 'C', source: 'kiosk' },
  ];
  for (const { group, ...t } of queue) await takeTicket(deps, system, { groupId: groups.get(group)!, ...t });
  const clerk = await userActor(ctx, 'clerk');
  if (clerk) {
    const windows = await ctx.db.selectFrom('hall_windows').select('id').where('code', '=', 'E01').execute();
    await sitAtWindow(deps, clerk, { windowId: windows[0]!.id });
    await callNext(deps, clerk);
  }
  return queue.length;
}
