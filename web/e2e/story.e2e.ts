// The story of this phase, in a real browser against the real server: a citizen finds how to open a
// restaurant, reads the guide in both languages and counts a deadline across 国庆节; an administrator
// opens the catalogue and the calendar; a supervisor opens the board. Any console error fails.
// The case story that follows (我想开餐馆 → bundle → application → one-time notice → supplement →
// parallel approval → a fee paid online → decision → delivery → tracking → a red clock) is in
// cases.e2e.ts, which shares this harness.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkA11y, e2eSuite, login, screenshot } from './harness';

const { withPage } = e2eSuite();

describe('the public portal', () => {
  it('a citizen searches a plain need, opens 食品经营许可 and sees what to bring', async () => {
    await withPage({}, async ({ page }) => {
      await page.goto('/');
      await assert.doesNotReject(page.getByRole('heading', { name: '清河市政务服务中心' }).waitFor());
      // the published totals come from the API
      await page.getByText('136', { exact: true }).waitFor();
      await page.getByText('62', { exact: true }).waitFor();
      await checkA11y(page, 'the home page');
      await screenshot(page, 'home-zh');

      await page.getByLabel('您想办什么事？').fill('我想开餐馆');
      await page.getByLabel('您想办什么事？').press('Enter');
      await page.waitForURL(/\/search\?q=/);
      const first = page.getByRole('link', { name: '食品经营许可', exact: true });
      await first.waitFor();
      await screenshot(page, 'search');
      await first.click();

      await page.getByRole('heading', { level: 1, name: '食品经营许可' }).waitFor();
      const checklist = page.getByRole('list', { name: '申请材料清单' });
      await checklist.waitFor();
      assert.equal(await checklist.getByRole('listitem').count(), 9);
      await checklist.getByText('食品经营许可申请书', { exact: true }).waitFor();
      assert.equal(await checklist.getByText('可容缺后补').count(), 2);
      await page.getByText('零跑动').waitFor();
      await page.getByText('0571-88101012').first().waitFor();
      // tick a material off: the progress follows, by keyboard
      await checklist.getByRole('checkbox', { name: /食品经营许可申请书/ }).focus();
      await page.keyboard.press('Space');
      await page.getByText('必交材料已备 1 / 6').waitFor();
      await checkA11y(page, 'the guide');
      await screenshot(page, 'item-guide-zh');

      // English and back; the choice is remembered across a reload
      await page.getByRole('button', { name: 'English' }).click();
      await page.getByRole('region', { name: 'What to bring' }).waitFor();
      await page.getByText('No visit needed').waitFor();
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
      await page.reload();
      await page.getByRole('region', { name: 'What to bring' }).waitFor();
      await screenshot(page, 'item-guide-en');
      await page.getByRole('button', { name: '中文' }).click();
      await page.getByRole('region', { name: '申请材料' }).waitFor();
      assert.equal(await page.evaluate(() => localStorage.getItem('onewindow.language')), 'zh-CN');
    });
  });

  it('the working-day calculator counts across 国庆节: 2026-09-30 + 1 working day is 2026-10-08', async () => {
    await withPage({}, async ({ page }) => {
      await page.goto('/calendar');
      const from = page.getByLabel('起算日期');
      await from.click();
      await from.press('Control+a');
      await from.pressSequentially('2026-09-30');
      await from.press('Enter');
      await page.getByLabel('工作日数').fill('1');
      await page.getByRole('button', { name: /计\s*算/ }).click();
      await page.getByTestId('due-date').filter({ hasText: '2026-10-08' }).waitFor();
      const explanation = page.getByRole('list', { name: '计算说明' });
      await explanation.getByText(/跳过国庆节假期/).waitFor();
      await page.getByText('国庆节').first().waitFor();
      await screenshot(page, 'calculator-zh');

      // in English the explanation comes in English, and the server's field errors too (Accept-Language)
      await page.getByRole('button', { name: 'English' }).click();
      await page.getByRole('button', { name: 'Calculate' }).click();
      await page
        .getByRole('list', { name: 'How it was counted' })
        .getByText(/Skipped National Day/)
        .waitFor();
      // the year's holidays are named in English too, with their source
      await page.getByRole('cell', { name: 'National Day', exact: true }).first().waitFor();
      await page.getByText(/^Source: the chinese-days open data set/).waitFor();
      await checkA11y(page, 'the calculator in English');
      await screenshot(page, 'calculator-en');
    });
  });

  it('works at phone width (375px) without sideways scrolling', async () => {
    await withPage({ width: 375, height: 812 }, async ({ page }) => {
      for (const [path, name] of [
        ['/', 'home-phone'],
        ['/items/11330900MB1740001A-XK-004', 'item-guide-phone'],
        ['/fees', 'fees-phone'],
        ['/calendar', 'calculator-phone'],
      ] as const) {
        await page.goto(path);
        await page
          .locator('.ant-skeleton')
          .first()
          .waitFor({ state: 'detached' })
          .catch(() => undefined);
        await page.waitForLoadState('networkidle');
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 1, `${path} scrolls sideways by ${overflow}px at 375px`);
        await screenshot(page, name);
      }
      await page.getByRole('button', { name: '打开菜单' }).click();
      await page.getByRole('menuitem', { name: '收费目录' }).click();
      await page.waitForURL(/\/fees$/);
    });
  });

  it('browses by department, by life event and the fee catalogue', async () => {
    await withPage({}, async ({ page }) => {
      await page.goto('/departments');
      await page.getByRole('link', { name: '市市场监管局' }).click();
      await page.getByRole('heading', { name: '清河市市场监督管理局' }).waitFor();
      await page.getByRole('link', { name: '食品经营许可', exact: true }).waitFor();
      await page.goto('/life-events');
      await page.getByRole('link', { name: /开办企业/ }).click();
      await page.getByRole('heading', { name: '开办企业' }).waitFor();
      await page.getByText(/共 \d+ 个事项/).waitFor();
      assert.equal(await page.locator('.ow-item-card').count(), 20);
      await page.goto('/fees');
      await page.getByText('¥80.00').first().waitFor();
      await screenshot(page, 'fees');
      await page.goto('/login');
      await screenshot(page, 'login');
    });
  });
});

describe('staff', () => {
  it('an administrator opens the catalogue and the calendar; confirming their own notice is refused (four eyes)', async () => {
    await withPage({}, async ({ page, allow }) => {
      await login(page, 'admin');
      await page.waitForURL(/\/admin\/items/);
      await page.getByRole('heading', { name: '事项目录' }).waitFor();
      await page.getByText('共 198 项').waitFor();
      await page.locator('.ant-table-row').first().waitFor();
      await checkA11y(page, 'the catalogue');
      await screenshot(page, 'admin-catalogue');

      // find an item by part of its code; a catalogue rule the server checks shows next to its field
      await page.getByRole('searchbox', { name: '名称或编码' }).fill('1740001A-XK-004');
      await page.getByRole('searchbox', { name: '名称或编码' }).press('Enter');
      await page.getByText('共 1 项').waitFor();
      await page.getByRole('link', { name: '食品经营许可', exact: true }).click();
      await page.getByText('版本记录').waitFor();
      await page.getByLabel('事项名称').waitFor();
      await checkA11y(page, 'the item editor');
      assert.equal(await page.getByLabel('事项名称').inputValue(), '食品经营许可');
      await page.getByLabel('缴费时点').click();
      await page.getByTitle('受理前缴费').click();
      allow(/status of 400/); // the server refuses the draft on purpose
      await page.getByRole('button', { name: '保存草稿' }).first().click();
      const paymentItem = page.locator('.ant-form-item').filter({ has: page.getByLabel('缴费时点') });
      await paymentItem.getByText('免费事项的缴费环节应为 none').waitFor();
      await screenshot(page, 'admin-item-editor');

      await page.goto('/admin/calendar');
      await page.getByRole('heading', { name: '节假日日历' }).waitFor();
      await page.getByLabel('年份').fill('2027');
      await page.getByLabel('内容').fill('国庆节 2027-10-01..2027-10-07 off\n国庆节 2027-10-09 work');
      await page.getByLabel('来源（通知文号）').fill('端到端测试通知');
      await page.getByRole('button', { name: '提交待确认' }).click();
      const card = page.locator('.ow-proposal').filter({ hasText: '2027 年节假日安排' });
      await card.getByText('2027-10-09').waitFor();
      assert.equal(await card.getByText('新增').count(), 8);
      allow(/status of 409/); // the refusal below is the point of this step
      await card.getByRole('button', { name: '确认生效' }).click();
      await card.getByRole('alert').getByText('须由另一位管理员确认（提出人不能自己确认）').waitFor();
      await screenshot(page, 'admin-calendar');

      await page.getByRole('button', { name: '系统管理员' }).click();
      await page.getByRole('menuitem', { name: '退出登录' }).click();
      await page.waitForURL((u) => u.pathname === '/');
      await page.getByRole('button', { name: '登录' }).waitFor();
    });
  });

  it('an administrator edits a department; a change made meanwhile by someone else is reported, not overwritten', async () => {
    await withPage({}, async ({ page, allow }) => {
      await login(page, 'admin');
      await page.goto('/admin/departments');
      const row = page.locator('.ant-table-row').filter({ hasText: '清河市市场监督管理局' });
      await row.getByRole('button', { name: '编辑 市市场监管局' }).click();
      const dialog = page.getByRole('dialog', { name: '编辑部门' });
      await dialog.getByLabel('办公时间').fill('周一至周日 9:00-17:00');
      await dialog.getByRole('button', { name: /保\s*存/ }).click();
      await dialog.waitFor({ state: 'detached' });
      await row.locator('td').filter({ hasText: /^2$/ }).waitFor(); // version 1 → 2

      // someone else saves first: ours carries the old version and is refused with the server's words
      await row.getByRole('button', { name: '编辑 市市场监管局' }).click();
      await dialog.getByLabel('办公时间').fill('周一至周五 9:00-17:00');
      await page.evaluate(async () => {
        const csrf = document.cookie
          .split('; ')
          .find((c) => c.startsWith('ow_csrf='))!
          .slice(8);
        const d = await (await fetch('/api/v1/departments/SCJ')).json();
        const { id: _id, ...body } = d;
        const res = await fetch(`/api/v1/admin/departments/${d.id}`, {
          method: 'PUT',
          headers: { 'content-type': 'application/json', 'x-csrf-token': csrf },
          body: JSON.stringify({ ...body, hours: '由他人修改' }),
        });
        if (!res.ok) throw new Error(`PUT ${res.status}`);
      });
      allow(/status of 409/);
      await dialog.getByRole('button', { name: /保\s*存/ }).click();
      await dialog
        .getByRole('alert')
        .getByText(/数据已被他人修改（当前版本 3，提交版本 2）/)
        .waitFor();
      await screenshot(page, 'admin-departments-stale');
    });
  });

  it('a supervisor sees the red/yellow board', async () => {
    await withPage({}, async ({ page }) => {
      await login(page, 'supervisor');
      await page.waitForURL(/\/supervision$/);
      await page.getByRole('heading', { name: '红黄灯看板' }).waitFor();
      for (const label of ['红灯（超期）', '黄灯（预警）', '绿灯（正常）', '暂停计时'])
        await page.getByText(label).first().waitFor();
      await page.getByRole('heading', { name: '按部门' }).waitFor();
      await checkA11y(page, 'the board');
      await screenshot(page, 'supervision-board');
      await page.goto('/supervision/orders');
      await page.getByRole('heading', { name: '督办单' }).waitFor();
    });
  });

  it('the admin area asks an anonymous visitor to log in, and refuses a supervisor', async () => {
    await withPage({}, async ({ page }) => {
      await page.goto('/admin/users');
      await page.waitForURL(/\/login\?next=%2Fadmin%2Fusers/);
      await login(page, 'supervisor', { open: false });
      await page.waitForURL(/\/admin\/users/);
      await page.getByText('无权访问').waitFor();
    });
  });
});
