// The hall in a real browser against the real server: the administrator sets the hall up (a window
// group by department with its slots, a window, the kiosk and E01's rating tablet registered, each
// with its own device token; priorities and no-shows), errors shown where they belong. A citizen
// books a slot and gets the appointment's code; at the kiosk, running with its device token and
// nobody signed in, the code takes a ticket (or, when the slot is not today, the kiosk says so and a
// walk-in ticket is taken); the ticket's page follows it on a phone; the clerk at E01 calls numbers
// until it is called, the calling screen shows it live, the phone says where to go; the visit is
// finished with the case taken in for it, and the case's page shows the visit. Then E01's tablet
// asks for a rating of that very ticket; a bad one opens a rectification the department acknowledges,
// answers and completes; a real-name bad rating by phone is called back; the department appeals the
// tablet's rating as malicious, the supervisors exclude it, and the public page shows it with the
// reason.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { checkA11y, e2eSuite, login, openPage, screenshot } from './harness';

const suite = e2eSuite();
const { withPage } = suite;

/** Enters the token an administrator issued into a device's page (kiosk, tablet). */
async function activate(device: Page, token: string, lang: 'zh' | 'en' = 'zh') {
  await device.getByLabel(lang === 'zh' ? '设备令牌' : 'Device token').fill(token);
  await device.getByRole('button', { name: lang === 'zh' ? '启用设备' : 'Start the device' }).click();
}

/** Registers a device on the administrator's page and reads its token, shown once. */
async function registerDevice(admin: Page, name: string, tabletWindow?: string): Promise<string> {
  await admin.getByRole('button', { name: '登记设备' }).click();
  const dialog = admin.getByRole('dialog');
  if (tabletWindow) {
    await dialog.getByRole('combobox', { name: '类型' }).click();
    await admin.locator('.ant-select-item-option').filter({ hasText: '评价器' }).click();
  }
  await dialog.getByLabel('设备名称').fill(name);
  if (tabletWindow) {
    // A tablet belongs to a window: refused by the server without one, said beside the field.
    await dialog.locator('.ant-btn-primary').click();
    await dialog.getByText('评价器须绑定一个窗口').first().waitFor();
    await dialog.getByRole('combobox', { name: '窗口', exact: true }).click();
    await admin.locator('.ant-select-item-option').filter({ hasText: tabletWindow }).click();
  }
  await dialog.locator('.ant-btn-primary').click();
  await dialog.waitFor({ state: 'hidden' });
  const token = (await admin.getByTestId('device-token').innerText()).trim();
  assert.match(token, /^owd_/);
  await admin.getByRole('row').filter({ hasText: name }).filter({ hasText: '使用中' }).waitFor();
  return token;
}

let kioskToken = '';
let tabletToken = '';
let served: { number: string; receiptNo: string } | null = null;

async function takeTicket(kiosk: Page, code: string): Promise<string> {
  await kiosk.goto('/hall/kiosk');
  await kiosk.getByLabel('预约码').fill(code);
  await kiosk.getByRole('button', { name: '预约取号' }).last().click();
  const slip = kiosk.getByTestId('ticket-slip');
  const refused = kiosk.getByText(/今天不能凭它取号/);
  await Promise.race([slip.waitFor(), refused.waitFor()]);
  if (!(await slip.isVisible())) {
    await kiosk.getByLabel('手机号（快到时短信提醒，可不填）').fill('13800138000');
    await kiosk.getByRole('button', { name: /^A 市场准入/ }).click();
    await slip.waitFor();
  }
  return (await slip.getByTestId('ticket-link').getAttribute('href'))!;
}

describe('the hall: book, take a ticket, be called, be served, the visit counted, rated on the tablet', () => {
  it('the administrator sets up groups, windows, devices and the rules (Chinese 1280, English 390)', async () => {
    await withPage({}, async ({ page, allow }) => {
      allow(/status of 400/);
      await login(page, 'admin');
      await page.goto('/admin/hall');
      await page.getByRole('heading', { name: '大厅设置' }).waitFor();
      await page.getByRole('row').filter({ hasText: '市场准入' }).first().waitFor();
      await checkA11y(page, 'hall settings: groups (zh 1280)');

      // A group by department: a session that ends before it starts is refused beside the field.
      await page.getByRole('button', { name: '新建窗口分组' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('代码').fill('Z');
      await dialog.getByLabel('中文名称').fill('综合咨询');
      await dialog.getByLabel('英文名称').fill('General enquiries');
      await dialog.getByRole('combobox', { name: '部门' }).click();
      await page.locator('.ant-select-item-option').first().click();
      await dialog.getByLabel('预约时段').fill('12:00-09:00');
      await dialog.locator('.ant-btn-primary').click();
      await dialog.getByText('时段须为 HH:MM，开始早于结束，按时间先后且不重叠').first().waitFor();
      await dialog.getByLabel('预约时段').fill('09:00-11:00, 14:00-16:00');
      await dialog.getByLabel('每个时段号源数').fill('6');
      await dialog.locator('.ant-btn-primary').click();
      await dialog.waitFor({ state: 'hidden' });
      const row = page.getByRole('row').filter({ hasText: '综合咨询' });
      await row.filter({ hasText: '每 30 分钟 6 个号' }).waitFor();
      await page.getByRole('button', { name: '查看分组 Z 的可约时段' }).click();
      const preview = page.getByTestId('slot-preview');
      await preview.getByText('09:00–09:30 · 余 6').first().waitFor();
      // Working days only, by the published holiday calendar: no holiday, no weekend unless made up.
      const days = await preview.locator('strong').allInnerTexts();
      assert.ok(days.length > 0);
      const special = new Map<string, string>();
      for (const year of new Set(days.map((d) => d.slice(0, 4)))) {
        const cal = await (await fetch(`${suite.baseUrl}/api/v1/calendar/${year}`)).json();
        for (const x of cal.days as { date: string; kind: string }[]) special.set(x.date, x.kind);
      }
      for (const d of days) {
        const weekend = [0, 6].includes(new Date(`${d}T12:00:00Z`).getUTCDay());
        const kind = special.get(d);
        assert.ok(kind !== 'holiday' && (!weekend || kind === 'makeup_workday'), `${d} is a working day`);
      }

      // A window calls from at least one group: said in the form before anything is sent.
      await page.locator('.ant-segmented').getByText('窗口', { exact: true }).click();
      await page.getByRole('button', { name: '新建窗口' }).click();
      await dialog.getByLabel('代码').fill('Z01');
      await dialog.getByLabel('中文名称').fill('Z01 咨询窗口');
      await dialog.getByLabel('英文名称').fill('Window Z01');
      await dialog.locator('.ant-btn-primary').click();
      await dialog.getByText('请至少选择一个分组').waitFor();
      await dialog.getByRole('combobox', { name: '叫号分组' }).click();
      await page.locator('.ant-select-item-option').filter({ hasText: '综合咨询' }).click();
      await dialog.locator('.ant-modal-title').click(); // closes the list of groups
      await dialog.locator('.ant-btn-primary').click();
      await dialog.waitFor({ state: 'hidden' });
      await page.getByRole('row').filter({ hasText: 'Z01 咨询窗口' }).waitFor();

      // The kiosk and E01's tablet, each with its token (shown once).
      await page.locator('.ant-segmented').getByText('设备', { exact: true }).click();
      kioskToken = await registerDevice(page, '一楼取号机');
      tabletToken = await registerDevice(page, 'E01 评价器', 'E01 窗口');
      await checkA11y(page, 'hall settings: devices (zh 1280)');
      await screenshot(page, 'hall-admin-devices');

      // Priorities and no-shows: a limit of 0 is refused in the form; 4 is saved.
      await page.locator('.ant-segmented').getByText('优先与爽约', { exact: true }).click();
      await page.getByLabel('爽约次数上限').fill('0');
      await page.getByRole('button', { name: /^保\s*存$/ }).click();
      await page.getByText('爽约次数上限须为 1–100 的整数').waitFor();
      await page.getByLabel('爽约次数上限').fill('4');
      await page.getByRole('button', { name: /^保\s*存$/ }).click();
      await page.getByText('已保存').first().waitFor();
    });

    await withPage({ language: 'en', width: 390, height: 844 }, async ({ page }) => {
      await login(page, 'admin');
      await page.goto('/admin/hall');
      await page.getByRole('heading', { name: 'Hall settings' }).waitFor();
      await page.locator('.ant-segmented').getByText('Devices', { exact: true }).click();
      await page.getByRole('row').filter({ hasText: 'E01 评价器' }).filter({ hasText: 'In use' }).waitFor();
      await checkA11y(page, 'hall settings: devices (en 390)');
      // A device page without a token asks for one, in English too.
      await page.goto('/ratings/tablet');
      await page.getByRole('heading', { name: 'Set up this device' }).waitFor();
      await checkA11y(page, 'rating tablet setup (en 390)');
    });
  });

  it('a citizen books; the kiosk, the screen, the phone and the window follow the ticket to the case', async () => {
    const api = await suite.api('clerk');
    await withPage({}, async ({ page }) => {
      await login(page, 'citizen');
      // The demo booked the citizen's first slot in A already: cancelled first, one booking a day per group.
      await page.goto('/hall/book');
      await page.getByRole('link', { name: /市场准入/ }).click();
      await page.waitForURL(/\/hall\/appointments\//);
      await page.getByRole('button', { name: /^取消预约$/ }).click();
      await page.getByRole('button', { name: /^确\s*定$|^OK$/ }).click();
      await page.getByText('已取消').waitFor();
      await page.goto('/hall/book');
      await page.getByLabel('办理业务').click();
      await page.getByTitle('A 市场准入').click();
      await page
        .getByRole('group', { name: '时段' })
        .getByRole('button')
        .and(page.locator(':enabled'))
        .first()
        .click();
      await page.getByRole('button', { name: /^预\s*约$/ }).click();
      await page.waitForURL(/\/hall\/appointments\//);
      const code = (await page.getByTestId('appointment-code').innerText()).trim();
      assert.match(code, /^[2-9A-Z]{8}$/);
      await screenshot(page, 'hall-appointment');

      const kiosk = await openPage(suite.browser, suite.baseUrl);
      const win = await openPage(suite.browser, suite.baseUrl);
      const display = await openPage(suite.browser, suite.baseUrl);
      const phone = await openPage(suite.browser, suite.baseUrl, { width: 390, height: 844 });
      try {
        kiosk.allow(/status of 422/);
        // The kiosk runs with its own token: nobody is signed in on it.
        await kiosk.page.goto('/hall/kiosk');
        await activate(kiosk.page, kioskToken);
        await kiosk.page.getByLabel('预约码').waitFor();
        const link = await takeTicket(kiosk.page, code);
        const number = (await kiosk.page.getByTestId('ticket-slip').getByRole('heading').innerText()).trim();
        assert.match(number, /^A\d{3}$/);

        await phone.page.goto(new URL(link).pathname);
        await phone.page.getByTestId('ticket-number').filter({ hasText: number }).waitFor();
        await phone.page.getByText('预计等候').waitFor();
        await display.page.goto('/hall/display');
        await display.page.getByRole('heading', { name: '叫号屏' }).waitFor();

        // The clerk at E01 (the demo sits there, serving a number) calls until this ticket comes up.
        const w = win.page;
        await login(w, 'clerk');
        await w.goto('/hall/window');
        await w.getByRole('heading', { name: 'E01 窗口' }).waitFor();
        for (let i = 0; i < 12; i++) {
          const current = w.getByTestId('current-number');
          if (await current.isVisible()) {
            if ((await current.innerText()).trim() === number) break;
            await w.getByRole('button', { name: /^未\s*到$/ }).click();
          }
          await w.getByRole('button', { name: '叫下一号' }).click();
          await current.waitFor();
        }
        assert.equal((await w.getByTestId('current-number').innerText()).trim(), number);
        await display.page
          .getByTestId('latest-call')
          .filter({ hasText: number })
          .filter({ hasText: 'E01 窗口' })
          .waitFor();
        await phone.page.getByText('请到 E01 窗口 办理').waitFor();
        await screenshot(display.page, 'hall-display');
        await screenshot(phone.page, 'hall-ticket-phone');

        // The matter is taken in at the window, and the visit is finished with its receipt number.
        const food = (
          await api<{ items: { id: string }[] }>(
            'GET',
            `/search?q=${encodeURIComponent('食品经营许可')}&limit=1`,
          )
        ).items[0]!;
        const guide = await api<{ materials: { name: string; required: boolean; source: string }[] }>(
          'GET',
          `/items/${food.id}`,
        );
        const intake = await api<{ case: { id: string; receiptNo: string } }>('POST', '/cases', {
          itemId: food.id,
          applicant: { kind: 'person', name: '张小明', idNumber: '11010519491231002X', phone: '13800138000' },
          form: { 经营场所: '清河市人民路1号', 经营项目: '热食类食品制售' },
          materials: guide.materials
            .filter((m) => m.required && ['applicant', 'window_check'].includes(m.source))
            .map((m) => ({ name: m.name, paper: true })),
          window: 'E01',
        });
        await w.getByLabel('办件受理编号（可不填：咨询）').fill(intake.case.receiptNo);
        await w.getByRole('button', { name: /^办\s*结$/ }).click();
        await w.getByRole('button', { name: '叫下一号' }).waitFor();
        await phone.page.getByText('已办理完毕').waitFor();

        await w.goto(`/cases/${intake.case.id}`);
        await w.getByTestId('case-visits').filter({ hasText: '申请人到大厅 1 次' }).waitFor();
        await screenshot(w, 'hall-case-visits');
        served = { number, receiptNo: intake.case.receiptNo };
        for (const p of [kiosk, win, display, phone])
          assert.deepEqual(p.errors, [], 'no errors in the browser console');
      } finally {
        await Promise.all([kiosk.close(), win.close(), display.close(), phone.close()]);
      }
    });
  });

  it("E01's tablet asks for the visit just served; the bad rating is rectified, appealed and excluded in public", async () => {
    assert.ok(served, 'the visit of the story before');
    const { number, receiptNo } = served;
    const complaint = '等候时间太长，窗口人员态度冷淡';
    // The tablet: its own token, nobody signed in; it already knows which number was served at E01.
    await withPage({}, async ({ page }) => {
      await page.goto('/ratings/tablet');
      await activate(page, tabletToken);
      const prompt = page.getByTestId('tablet-prompt');
      await prompt.getByRole('heading', { name: `${number} 号，请为本次服务评价` }).waitFor();
      await page.getByText('E01 窗口：请为刚才的服务作出评价').waitFor();
      await checkA11y(page, 'rating tablet prompt (zh 1280)');
      await prompt.getByText('非常不满意', { exact: true }).click();
      await prompt.getByLabel('意见建议').fill(complaint);
      await prompt.getByRole('button', { name: '提交评价' }).click();
      await page.getByText('感谢您的评价').waitFor();
      await page.getByText(/您的差评已转为整改单/).waitFor();
      await screenshot(page, 'ratings-tablet-rated');
      // Rated once: the next person sees the tablet waiting for the next visit.
      await page.getByRole('button', { name: '下一位' }).click();
      await page.getByText('办理完毕后，这里将请您为本次服务评价').waitFor();
    });

    // The department acknowledges, answers and rectifies; it never sees who rated (anonymous anyway).
    await withPage({}, async ({ page }) => {
      await login(page, 'head');
      await page.goto('/ratings/work');
      await page.getByRole('heading', { name: '差评整改与申诉' }).waitFor();
      const row = () => page.getByRole('tabpanel').getByRole('row').filter({ hasText: complaint });
      await row().filter({ hasText: '待签收' }).filter({ hasText: '匿名，无需回访' }).waitFor();
      await row()
        .getByRole('button', { name: /^签\s*收$/ })
        .click();
      await row().filter({ hasText: '已签收' }).waitFor();
      const dialog = page.getByRole('dialog');
      await row()
        .getByRole('button', { name: /^答\s*复$/ })
        .click();
      await dialog.getByLabel('原因及措施').fill('当日窗口人员不足；已调整午间排班并开展服务礼仪培训');
      await dialog.locator('.ant-btn-primary').click();
      await dialog.waitFor({ state: 'hidden' });
      await row().filter({ hasText: '已答复' }).waitFor();
      await row().getByRole('button', { name: '整改完成' }).click();
      await dialog.getByLabel('整改措施').fill('E01 窗口增设午间顶岗，服务礼仪纳入月度考核');
      await dialog.locator('.ant-btn-primary').click();
      await dialog.waitFor({ state: 'hidden' });
      await row().filter({ hasText: '已整改' }).waitFor();
      await checkA11y(page, 'rectifications (zh 1280)');

      // Yet the department holds the rating malicious, and appeals it.
      await page.getByRole('tab', { name: '差评' }).click();
      await page
        .getByRole('tabpanel')
        .getByRole('row')
        .filter({ hasText: complaint })
        .getByRole('button', { name: /^申\s*诉$/ })
        .click();
      await dialog.getByLabel('申诉理由').fill('评价人因插队未果辱骂工作人员后恶意差评，有录像为证');
      await dialog.locator('.ant-btn-primary').click();
      await dialog.waitFor({ state: 'hidden' });
    });

    // The supervisors: a real-name bad rating by phone is called back; the appeal is decided.
    const reason = '经调阅大厅录像，该差评系恶意评价，予以剔除';
    await withPage({}, async ({ page }) => {
      await login(page, 'supervisor');
      await page.goto('/ratings/work');
      await page.getByRole('tab', { name: '电话评价录入' }).click();
      const panel = page.getByRole('tabpanel');
      await panel.getByLabel('受理编号或工单号').fill(receiptNo);
      await panel.getByLabel('来电人姓名').fill('张小明');
      await panel.getByLabel('来电号码').fill('13800138000');
      await panel.getByText('不满意', { exact: true }).click();
      await panel.getByLabel('意见建议').fill('材料要求前后说法不一');
      await panel.getByRole('button', { name: '提交评价' }).click();
      await page.getByText('感谢您的评价').waitFor();
      await page.reload();
      await page.getByRole('tab', { name: '待回访' }).click();
      const call = page.getByRole('tabpanel').getByRole('row').filter({ hasText: '材料要求前后说法不一' });
      await call.filter({ hasText: '待回访' }).waitFor();
      await call.getByRole('button', { name: '记录回访' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('回访结果').fill('已电话联系张小明，说明材料清单并致歉，本人表示理解');
      await dialog.locator('.ant-btn-primary').click();
      await dialog.waitFor({ state: 'hidden' });
      await page.getByRole('tab', { name: '整改单' }).click();
      await page
        .getByRole('tabpanel')
        .getByRole('row')
        .filter({ hasText: '材料要求前后说法不一' })
        .filter({ hasText: '已电话联系张小明' })
        .waitFor();

      await page.getByRole('tab', { name: '申诉' }).click();
      const appeal = page.getByRole('tabpanel').getByRole('row').filter({ hasText: '插队未果' });
      await appeal
        .filter({ hasText: '待裁定' })
        .getByRole('button', { name: /^裁\s*定$/ })
        .click();
      await dialog.getByLabel('裁定理由').fill(reason);
      await dialog.locator('.ant-btn-primary').click();
      await dialog.waitFor({ state: 'hidden' });
      await appeal.filter({ hasText: '申诉成立' }).waitFor();
    });

    await withPage({ language: 'en', width: 390, height: 844 }, async ({ page }) => {
      await page.goto('/ratings');
      await page.getByRole('heading', { name: 'Service ratings published' }).waitFor();
      await page.getByText(reason).waitFor();
      await checkA11y(page, 'ratings published (en 390)');
      await screenshot(page, 'ratings-excluded-en');
    });
  });

  it('the ticket page and the screen read in English', async () => {
    const api = await suite.api('clerk');
    const groups = await api<{ items: { id: string; code: string }[] }>('GET', '/hall/groups');
    const t = await api<{ token: string; number: string }>('POST', '/hall/tickets', {
      groupId: groups.items.find((g) => g.code === 'B')!.id,
      source: 'kiosk',
    });
    await withPage({ language: 'en', width: 390, height: 844 }, async ({ page }) => {
      await page.goto(`/hall/t/${t.token}`);
      await page.getByRole('heading', { name: 'My place in the queue' }).waitFor();
      await page.getByText('People ahead').waitFor();
      await page.getByText('Social and medical insurance').waitFor();
      await page.goto('/hall/display');
      await page.getByRole('button', { name: 'Turn on announcements' }).waitFor();
    });
  });
});
