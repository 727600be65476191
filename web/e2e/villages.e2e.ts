// Village disclosure's registry in a real browser against the real server (demo data): the township
// clerk registers a village in Chinese at 1280 (a code already taken is refused at its field first,
// nothing typed is lost), changes its cadence to monthly after confirming what changes, and sees the
// periods to come; the public list, filtered by township and overdue in the address, in English at
// 390. Axe on each page.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkA11y, e2eSuite, login, screenshot } from './harness';

const suite = e2eSuite();
const { withPage } = suite;

describe('villages: registering and changing the cadence', () => {
  it('the township clerk registers a village and makes it monthly', async () => {
    await withPage({}, async ({ page, allow }) => {
      allow(/409/); // the code taken, asked for on purpose
      await login(page, 'township');
      await page.goto('/disclosure/villages');
      await page.getByRole('heading', { level: 1, name: '村务财务公开' }).waitFor();
      await checkA11y(page, 'villages (clerk)');
      await page.getByRole('button', { name: '登记村庄' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('村编码').fill('CGZ-DG');
      await dialog.getByLabel('村名').fill('北山村');
      await dialog.getByLabel('所属乡镇').fill('城关镇');
      await dialog.getByLabel('每期结束后几天内公开').fill('15');
      // The clerk publishes for one department: it is chosen already.
      await dialog.getByText('清河市民政局').waitFor();
      // Not anchored at the start: while the button's loading icon leaves, its label is in the name.
      await dialog.getByRole('button', { name: /登\s?记$/ }).click();
      await dialog
        .locator('.ant-form-item-explain-error', { hasText: '村编码“CGZ-DG”已被使用，请换一个' })
        .waitFor();
      await checkA11y(page, 'register refused');
      assert.equal(await dialog.getByLabel('村名').inputValue(), '北山村');
      assert.equal(await dialog.getByLabel('每期结束后几天内公开').inputValue(), '15');
      await dialog.getByLabel('村编码').fill('CGZ-BS');
      await dialog.getByRole('button', { name: /登\s?记$/ }).click();

      await page.waitForURL(/\/disclosure\/villages\/CGZ-BS$/);
      await page.getByRole('heading', { level: 1, name: '城关镇 北山村' }).waitFor();
      await page.getByText(/按季度公开，每期结束后 15 天内公开/).waitFor();
      await checkA11y(page, 'village registered');
      await page.getByRole('button', { name: '调整公开周期' }).click();
      const change = page.getByRole('dialog');
      await change.getByText('按月公开').click();
      await change.getByLabel('每期结束后几天内公开').fill('5');
      await change.getByRole('button', { name: '下一步' }).click();
      await change
        .getByText(/城关镇北山村：按季度公开（15 天内）→ 按月公开（5 天内），从最早可调整的一期起/)
        .waitFor();
      await checkA11y(page, 'confirm change');
      await change.getByRole('button', { name: '确认调整' }).click();
      await page.getByText('公开周期已调整').waitFor();
      // The server's periods after the save: monthly from the first month it may, each due 5 days on.
      await page.getByText(/自 \d{4}年\d{1,2}月 起按月公开，每期结束后 5 天内公开/).waitFor();
      const upcoming = page.locator('.ow-village-upcoming');
      await upcoming
        .getByText(/^\d{4}年\d{1,2}月$/)
        .first()
        .waitFor();
      await page.getByText('公开周期沿革').waitFor();
      await checkA11y(page, 'village monthly');
      await screenshot(page, 'villages-cadence-changed');
    });
  });

  it('the public list, filtered by township and overdue, in English on a phone', async () => {
    await withPage({ width: 390, height: 844, language: 'en' }, async ({ page }) => {
      await page.goto('/disclosure/villages?township=' + encodeURIComponent('城关镇'));
      await page.getByRole('heading', { level: 1, name: 'Village affairs and finance disclosure' }).waitFor();
      await page.getByRole('link', { name: '城关镇 东关村' }).waitFor();
      // The box follows the address: clicked, the address changes, and then it shows checked.
      await page.getByRole('checkbox', { name: 'Overdue only' }).click();
      await page.waitForURL(/overdue=1/);
      await page.getByRole('checkbox', { name: 'Overdue only', checked: true }).waitFor();
      // 西河村 was listed before the filter too: wait for the villages up to date to leave.
      await page.getByRole('link', { name: '城关镇 东关村' }).waitFor({ state: 'detached' });
      await page.getByRole('link', { name: '城关镇 西河村' }).waitFor();
      await page.getByText('1 village', { exact: true }).waitFor();
      assert.match(page.url(), /township=/);
      const wide = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(wide <= 390, `the page is ${wide} px wide`);
      await checkA11y(page, 'villages (en, 390)');
      await page.reload();
      await page.getByRole('link', { name: '城关镇 西河村' }).waitFor();
      assert.equal(await page.getByRole('checkbox', { name: 'Overdue only' }).isChecked(), true);
      await screenshot(page, 'villages-filtered-390');
    });
  });
});
