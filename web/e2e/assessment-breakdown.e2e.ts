// The assessment breakdown (考核明细) in a real browser against the real server (demo data, test time):
// a supervisor opens the market regulator's breakdown from the period's results, reads its figures
// per item, switches to staff members (Chinese, 1280 px) or windows (English, 390 px), and opens
// the records behind a figure of one row. The dimension stays in the address; axe on every view.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { checkA11y, e2eSuite, login, screenshot } from './harness';

const suite = e2eSuite();
const { withPage } = suite;
const DEPARTMENT = '市场监督管理局';

async function openBreakdown(page: Page, button: RegExp, department = DEPARTMENT) {
  await login(page, 'supervisor');
  await page.goto('/assessment');
  const row = page.getByRole('row').filter({ hasText: department }).first();
  await row.waitFor();
  await row.getByRole('button', { name: button }).click();
  await page.waitForURL(/\/assessment\/[^/]+\/breakdown\?period=\d{4}[^&]*&by=item$/);
}

/** The first figure of the table that opens its records, and the row it stands in. */
async function traceFirst(page: Page, name: RegExp) {
  const button = page.getByRole('table').getByRole('button', { name }).first();
  await button.waitFor();
  const label = (await button.getAttribute('aria-label')) ?? '';
  await button.click();
  return label;
}

describe('考核明细', () => {
  it('opened from the results, switched from items to staff members, a figure traced, in Chinese', async () => {
    await withPage({ width: 1280 }, async ({ page }) => {
      await openBreakdown(page, /^明细：清河市市场监督管理局/);
      await page.getByRole('heading', { level: 1, name: '考核明细' }).waitFor();
      await page.getByText(`清河市${DEPARTMENT} · 考核期间`).waitFor();
      await page.getByRole('columnheader', { name: '事项' }).waitFor();
      await page.getByRole('columnheader', { name: /（%）/ }).first().waitFor();
      assert.ok((await page.getByRole('table').getByRole('row').count()) > 1, 'items are listed');
      await checkA11y(page, 'breakdown items zh 1280');
      await screenshot(page, 'assessment-breakdown-zh');

      await page.getByText('工作人员', { exact: true }).click();
      await page.waitForURL(/by=staff$/);
      await page.getByRole('columnheader', { name: '工作人员' }).waitFor();
      const label = await traceFirst(page, /来源记录$/);
      const drawer = page.getByRole('dialog');
      await drawer.getByText(/(计入|拉低)该指标的记录共 \d+ 条/).waitFor();
      const who = label.replace(/^\S+ /, '').replace(/的.*$/, '');
      assert.ok((await drawer.textContent())?.includes(who), `the drawer names ${who}`);
      await checkA11y(page, 'breakdown trace zh');
      await page.keyboard.press('Escape');

      // The address keeps the dimension: a reload shows staff members again.
      await page.reload();
      await page.getByRole('columnheader', { name: '工作人员' }).waitFor();
    });
  });

  it('on a phone in English: windows, a figure traced, the table scrolling sideways', async () => {
    await withPage({ width: 390, language: 'en' }, async ({ page }) => {
      // In English the department goes by its English name.
      await openBreakdown(
        page,
        /^Breakdown: Qinghe Administration for Market Regulation/,
        'Administration for Market Regulation',
      );
      await page.getByRole('heading', { level: 1, name: 'Assessment breakdown' }).waitFor();
      await page.getByRole('columnheader', { name: 'Item' }).waitFor();
      await page.getByText('Window', { exact: true }).click();
      await page.waitForURL(/by=window$/);
      await page.getByRole('columnheader', { name: 'Window' }).waitFor();
      assert.ok((await page.getByRole('table').getByRole('row').count()) > 1, 'windows are listed');
      // The page itself does not scroll sideways; the table does.
      assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1));
      await checkA11y(page, 'breakdown windows en 390');
      await screenshot(page, 'assessment-breakdown-en-390');
      await traceFirst(page, /^\S+ Records behind /);
      const drawer = page.getByRole('dialog');
      await drawer.getByText(/\d+ records (count in|lowered) this figure/).waitFor();
      await checkA11y(page, 'breakdown trace en 390');
    });
  });
});
