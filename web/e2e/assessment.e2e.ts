// Performance assessment (效能考核) in a real browser against the real server (demo data, test time):
// a supervisor opens the period's results, with grades, the ranking chart and exports; a figure of
// the market regulator is traced to the cases behind it, and one of them opens on its case page.
// Chinese at 1280 px, English at 390 px; axe on both.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkA11y, e2eSuite, login, screenshot } from './harness';

const suite = e2eSuite();
const { withPage } = suite;

describe('效能考核', () => {
  it('a period assessed on the demo data, a figure traced to its records, in both languages', async () => {
    await withPage({ width: 1280 }, async ({ page }) => {
      await login(page, 'supervisor');
      await page.goto('/assessment');
      await page.getByRole('heading', { level: 1, name: '效能考核' }).waitFor();
      const row = page.getByRole('row').filter({ hasText: '市场监督管理局' }).first();
      await row.waitFor();
      await page.getByText('各部门得分').waitFor();
      assert.ok(await page.getByRole('link', { name: '导出 Excel' }).isVisible());
      await checkA11y(page, 'assessment zh 1280');
      await screenshot(page, 'assessment-zh');
      await row.getByRole('button', { name: /市场监督管理局的平均办理工作日来源记录/ }).click();
      const drawer = page.getByRole('dialog');
      await drawer.getByText(/计入该指标的记录共 [1-9]\d* 条/).waitFor();
      await checkA11y(page, 'assessment trace zh');
      const link = drawer.getByRole('link').first();
      const label = (await link.textContent()) ?? '';
      await link.click();
      await page.waitForURL(/\/cases\//);
      await page.getByText(label).first().waitFor();
    });

    await withPage({ width: 390, language: 'en' }, async ({ page }) => {
      await login(page, 'supervisor');
      await page.goto('/assessment');
      await page.getByRole('heading', { level: 1, name: 'Performance assessment' }).waitFor();
      // In English the departments go by their English names.
      await page
        .getByRole('row')
        .filter({ hasText: 'Administration for Market Regulation' })
        .first()
        .waitFor();
      await page.getByText('Score by department').waitFor();
      await checkA11y(page, 'assessment en 390');
      await screenshot(page, 'assessment-en-390');
    });
  });
});
