// Enterprise inspections (扫码入企) in a real browser against the real server and its demo data: the
// enterprise prints its code sign; at the door, on a phone-sized screen, anyone who scans the code sees
// what is registered for today — departments, items with their basis, inspectors with certificate
// numbers, the allowed length; the inspector starts the visit from the same page; the enterprise
// follows its inspections in its account, and the public statistics show the department.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { e2eSuite, login, screenshot } from './harness';

const suite = e2eSuite();
const PHONE = { width: 390, height: 844 };

describe('an inspection verified and started at the door', () => {
  it('sign → verify at the door (phone) → inspector starts the visit → enterprise history → statistics', async () => {
    const enterprise = await suite.api('enterprise');
    const sign = await enterprise<{ code: string; url: string }>('GET', '/enterprise/sign');
    assert.match(sign.url, new RegExp(`/inspect/${sign.code}$`));

    await suite.withPage({}, async ({ page }) => {
      await login(page, 'enterprise');
      await page.goto('/enterprise/sign');
      await page.getByRole('heading', { name: '涉企检查 扫码入企' }).waitFor();
      await page.getByRole('img', { name: '企业码二维码' }).locator('svg').waitFor();
      await page.getByText(/本企业核验码/).waitFor();
      await screenshot(page, 'inspection-sign');
    });

    await suite.withPage(PHONE, async ({ page }) => {
      await page.goto(`/inspect/${sign.code}`);
      await page.getByRole('heading', { name: '清河市味道餐饮管理有限公司' }).waitFor();
      await page.getByText(/刘检（执法证号 SC-2026-0001/).waitFor();
      await page.getByText(/消防安全检查 — 《中华人民共和国消防法》/).waitFor();
      assert.equal(await page.getByText('联合检查').count(), 2, 'both departments come as one joint visit');
      assert.equal(
        await page.getByRole('button', { name: '扫码开始检查' }).count(),
        0,
        'only inspectors start a visit',
      );
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(width <= 390, `the page fits a phone (${width}px wide)`);
      await screenshot(page, 'inspection-verify-phone');
    });

    await suite.withPage(PHONE, async ({ page }) => {
      await login(page, 'inspector.scj');
      await page.goto(`/inspect/${sign.code}`);
      await page.getByRole('button', { name: '扫码开始检查' }).click();
      await page.getByText(/检查 JC\d+ 已开始/).waitFor();
      await page.getByText('检查中').first().waitFor();
      await screenshot(page, 'inspection-started-phone');
    });

    await suite.withPage({}, async ({ page }) => {
      await login(page, 'enterprise');
      await page.goto('/enterprise/inspections');
      await page.getByRole('heading', { name: '本企业接受的检查' }).waitFor();
      await page.getByRole('cell', { name: '检查中' }).first().waitFor();
      await page.goto('/inspections/stats');
      await page.getByRole('cell', { name: '清河市市场监督管理局' }).waitFor();
    });
  });
});
