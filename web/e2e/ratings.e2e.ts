// Service ratings and democratic appraisal in a real browser against the real server with its demo
// data: the rated department finishes a bad rating's rectification (never seeing the rater), the
// supervisor excludes a rating on appeal and the exclusion is published with its reason; an
// administrator issues one-time ballot codes for the re-appraisal, and a panel member votes once
// with a code that then cannot vote again.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { e2eSuite, login, screenshot } from './harness';

const { withPage } = e2eSuite();

describe('ratings and appraisal', () => {
  it('rectification, appeal, publication, ballot codes and a single-use ballot', async () => {
    await withPage({ language: 'zh-CN' }, async ({ page }) => {
      await login(page, 'head');
      await page.goto('/ratings/work');
      await page.getByRole('heading', { name: '差评整改与申诉' }).waitFor();
      const row = page.getByRole('row').filter({ hasText: '已答复' }).first();
      assert.ok(!(await row.innerText()).includes('1380013'), 'no phone number of a rater');
      await row.getByRole('button', { name: '整改完成' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('整改措施').fill('高峰时段增开窗口，落实顶岗制度');
      await dialog.locator('.ant-btn-primary').click();
      await dialog.waitFor({ state: 'hidden' });
      await page.getByRole('row').filter({ hasText: '已整改' }).first().waitFor();
      await screenshot(page, 'ratings-rectified');
    });

    await withPage({ language: 'zh-CN' }, async ({ page }) => {
      await login(page, 'supervisor');
      await page.goto('/ratings/work');
      await page.getByRole('tab', { name: '申诉' }).click();
      const row = page.getByRole('row').filter({ hasText: '待裁定' }).first();
      await row.getByRole('button', { name: /^裁\s*定$/ }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('裁定理由').fill('评价人确认误触评价器，予以剔除');
      await dialog.locator('.ant-btn-primary').click();
      await dialog.waitFor({ state: 'hidden' });
      await page.getByRole('row').filter({ hasText: '申诉成立' }).first().waitFor();
    });

    await withPage({ language: 'en' }, async ({ page }) => {
      await page.goto('/ratings');
      await page.getByRole('heading', { name: 'Service ratings published' }).waitFor();
      await page.getByText('评价人确认误触评价器，予以剔除').waitFor();
      await screenshot(page, 'ratings-published-en');
    });

    let votePath = '';
    let codes: string[] = [];
    await withPage({ language: 'zh-CN' }, async ({ page }) => {
      await login(page, 'admin');
      await page.goto('/appraisals');
      const card = page.locator('.ant-card').filter({ hasText: '复评' }).first();
      await card.getByRole('combobox').click();
      await page.locator('.ant-select-item-option').filter({ hasText: '群众代表' }).click();
      await card.getByRole('spinbutton').fill('2');
      await card.getByRole('button', { name: '生成票码' }).click();
      const printed = card.locator('pre.ow-codes');
      await printed.waitFor();
      codes = (await printed.innerText()).split('\n').filter(Boolean);
      assert.equal(codes.length, 2);
      votePath = (await card.getByRole('link', { name: '去投票' }).getAttribute('href')) ?? '';
      assert.match(votePath, /^\/appraisals\/.+\/vote$/);
    });

    await withPage({ language: 'en' }, async ({ page, allow }) => {
      const vote = async () => {
        await page.goto(votePath);
        await page.getByRole('heading', { name: 'Appraisal ballot' }).waitFor();
        await page.getByLabel('Ballot code').fill(codes[0]!);
        for (const radio of await page.getByRole('radio', { name: 'Satisfied', exact: true }).all())
          await radio.check();
        await page.getByRole('button', { name: 'Cast the ballot' }).click();
      };
      await vote();
      await page.getByText('Your ballot is cast. Thank you').waitFor();
      allow(/409/);
      await vote();
      await page.getByRole('alert').filter({ hasText: 'already voted' }).waitFor();
      await screenshot(page, 'appraisal-code-used-en');
    });
  });
});
