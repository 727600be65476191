// The public dashboard in a real browser against the real server with its demo data: an item's guide
// shows its commitment against what happened, the dashboard reads in Chinese at 1280 px and in
// English at 390 px (axe-clean both) with the catalogue's English names, as does the guide, and an open
// dataset downloads as CSV with its byte-order mark.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, it } from 'node:test';
import { checkA11y, e2eSuite, screenshot } from './harness';

const { withPage } = e2eSuite();
const FOOD_LICENCE = '11330900MB1740001A-XK-004'; // 食品经营许可: the demo has one completed case of it

describe('public dashboard and open data', () => {
  it('guide actuals, dashboard in both languages and sizes, an open-data download', async () => {
    await withPage({ language: 'zh-CN' }, async ({ page }) => {
      await page.goto(`/items/${FOOD_LICENCE}`);
      const section = page.getByRole('region', { name: '服务承诺与实际办理' });
      await section.getByTestId('commitment-actuals').waitFor();
      const text = await section.innerText();
      assert.match(text, /承诺时限/);
      assert.match(text, /实际用时（中位数）/);
      assert.match(text, /样本：1 件/);
      assert.match(text, /样本较少/);
      assert.match(text, /数据截至/);
      await section.scrollIntoViewIfNeeded();
      await screenshot(page, 'guide-commitment-actuals');
    });

    await withPage({ language: 'zh-CN', width: 1280 }, async ({ page }) => {
      await page.goto('/dashboard');
      await page.getByRole('heading', { level: 1, name: '政务服务效能公开' }).waitFor();
      await page.getByRole('heading', { name: '全中心' }).waitFor();
      await page
        .getByText(/统计期间.+数据截至/)
        .first()
        .waitFor();
      // The demo's decided cases, ratings and complaints make the figures non-empty.
      const rows = page.locator('.ant-table-tbody tr.ant-table-row');
      await rows.first().waitFor();
      assert.ok((await rows.count()) >= 1);
      await page
        .locator('.ant-card')
        .filter({ hasText: '各部门按时办结率与满意率' })
        .getByRole('img')
        .first()
        .waitFor();
      assert.ok((await page.getByText('样本较少').count()) > 0, 'small samples are marked');
      await checkA11y(page, 'dashboard zh 1280');
      await screenshot(page, 'dashboard-zh-1280');
    });

    await withPage({ language: 'en', width: 390, height: 844 }, async ({ page }) => {
      await page.goto('/dashboard');
      await page.getByRole('heading', { level: 1, name: 'Service performance in public' }).waitFor();
      await page.getByRole('heading', { name: 'Whole center' }).waitFor();
      await page
        .getByText(/Period.+as of/)
        .first()
        .waitFor();
      await page.locator('.ant-table-tbody tr.ant-table-row').first().waitFor();
      // The catalogue's English names: the market regulator (the demo's food licence case) by its English short name.
      await page
        .locator('.ant-table-tbody')
        .getByText('Market Regulation', { exact: true })
        .first()
        .waitFor();
      assert.equal(
        await page.locator('.ant-table-tbody').getByText('市市场监管局').count(),
        0,
        'no Chinese short name',
      );
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 1, `the page fits 390 px (overflows by ${overflow} px)`);
      await checkA11y(page, 'dashboard en 390');
      await screenshot(page, 'dashboard-en-390');

      await page.goto(`/items/${FOOD_LICENCE}`);
      await page.getByRole('heading', { level: 1, name: 'Food Business Licence' }).waitFor();
      assert.ok(
        await page.getByText('食品经营许可', { exact: true }).first().isVisible(),
        'the official name beneath',
      );
      await page.getByRole('link', { name: 'Qinghe Administration for Market Regulation' }).waitFor();
      await checkA11y(page, 'guide en 390 with English names');
      await screenshot(page, 'guide-en-390-english-name');
      await page.goto('/dashboard');
      await page.getByRole('heading', { level: 1, name: 'Service performance in public' }).waitFor();

      await page.getByRole('link', { name: 'Open data' }).first().click();
      await page.getByRole('heading', { level: 1, name: 'Open data' }).waitFor();
      await checkA11y(page, 'open data en 390');
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: 'Download CSV: Service catalogue' }).click(),
      ]);
      assert.equal(download.suggestedFilename(), 'service-catalogue.csv');
      const bytes = await readFile((await download.path())!);
      assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 with a byte-order mark');
      const text = bytes.toString('utf8');
      assert.match(text, /^\ufeffcode,name,type/);
      assert.ok(text.includes('食品经营许可'), 'Chinese text intact');
    });
  });
});
