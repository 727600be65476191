// Disclosure (政务公开) in a real browser against the real server (demo data): a visitor searches the
// library, finds the amended and the expired documents marked as such, follows an item's legal
// basis from the guide, sees the village with an overdue quarter and reports it with the intake
// prefilled; the administrator publishes a document; the township clerk publishes the missing
// quarter with an attachment, in English on a phone. Chinese at 1280, English at 390, axe on each page.
import { describe, it } from 'node:test';
import { checkA11y, e2eSuite, login, pdfFile, screenshot } from './harness';

const suite = e2eSuite();
const { withPage } = suite;

describe('disclosure: the library and village affairs', () => {
  it('the public reads the library and the villages, and reports a missing disclosure', async () => {
    await withPage({}, async ({ page }) => {
      await page.goto('/disclosure?q=' + encodeURIComponent('低保'));
      await page.getByRole('heading', { level: 1, name: '规范性文件库' }).waitFor();
      await page.getByRole('link', { name: '清河市最低生活保障审核确认实施细则（2025年修订）' }).waitFor();
      await checkA11y(page, 'library');
      await page.getByRole('link', { name: '清河市最低生活保障审核确认实施细则', exact: true }).click();
      await page.getByText('本文件已被修订，请以修订后的文件为准。').waitFor();
      await page.getByRole('link', { name: /2025年修订/ }).click();
      await page.getByRole('heading', { level: 1, name: /2025年修订/ }).waitFor();
      await page.getByText('本次修订放开了经常居住地申请').waitFor();
      await page.getByRole('link', { name: '最低生活保障审核确认', exact: true }).waitFor();
      await checkA11y(page, 'document');
      await screenshot(page, 'disclosure-document');

      await page.goto('/disclosure');
      await page.getByRole('link', { name: '清河市结合民用建筑修建防空地下室管理暂行办法' }).click();
      await page.getByText(/本文件有效期已于 2025-12-31 届满，已失效/).waitFor();
      await page.getByRole('link', { name: '结合民用建筑修建防空地下室审批' }).click();
      await page.getByText('规范性文件库中的依据：').waitFor();
      await page.locator('.ow-cited-documents').getByText('已失效').waitFor();

      await page.goto('/disclosure/villages');
      await page.getByRole('heading', { level: 1, name: '村务财务公开' }).waitFor();
      await page.getByText('1 期逾期未公开').waitFor();
      await checkA11y(page, 'villages');
      await page.getByRole('link', { name: '城关镇 东关村' }).click();
      await page.getByText('已按时公开').first().waitFor();
      await page.getByRole('link', { name: /2026年第3季度/ }).click();
      await page.getByRole('link', { name: '收支明细.pdf' }).waitFor();
      await checkA11y(page, 'statement');

      await page.goto('/disclosure/villages/CGZ-XH');
      await page.getByText(/以下期间逾期未公开：2026年第2季度/).waitFor();
      await checkA11y(page, 'village');
      await screenshot(page, 'disclosure-village-overdue');
      await page.getByRole('link', { name: '反映未公开' }).click();
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      await page.getByText('村务财务未按时公开').first().waitFor();
      await page.getByText('清河市民政局').first().waitFor();
      await page.locator('textarea').first().filter({ hasText: '城关镇西河村 2026年第2季度' }).waitFor();
    });
  });

  it('the administrator publishes a document; it is found by its words', async () => {
    await withPage({}, async ({ page }) => {
      await login(page, 'admin');
      await page.goto('/disclosure/manage');
      await page.getByRole('heading', { level: 1, name: '管理规范性文件' }).waitFor();
      await checkA11y(page, 'manage');
      await page.getByRole('button', { name: '发布规范性文件' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('文号').fill('清农规〔2026〕5号');
      await dialog.getByLabel('标题').fill('清河市农村集体资产管理办法');
      await dialog.getByLabel('发文机关').fill('清河市农业农村局');
      await dialog.getByLabel('印发日期').fill('2026-11-20');
      await dialog.getByLabel('施行日期').fill('2026-12-01');
      await dialog
        .getByLabel('正文')
        .fill('第一条 为加强农村集体资产管理，保障集体经济组织成员权益，制定本办法。');
      await dialog.getByLabel('政策解读').fill('办法要求村集体资产按季度公开。');
      await dialog
        .getByRole('button', { name: '发 布' })
        .or(dialog.getByRole('button', { name: '发布' }))
        .click();
      await page.getByText('已发布').first().waitFor();
      await page.goto('/disclosure?q=' + encodeURIComponent('集体资产'));
      await page.getByRole('link', { name: '清河市农村集体资产管理办法' }).waitFor();
    });
  });

  it('the township clerk publishes the missing quarter with its attachment (English, phone)', async () => {
    await withPage({ width: 390, height: 844, language: 'en' }, async ({ page }) => {
      await login(page, 'township');
      await page.goto('/disclosure/publish');
      await page.getByRole('heading', { level: 1, name: 'Publish a village statement' }).waitFor();
      await checkA11y(page, 'publish (en, 390)');
      await page.getByLabel('Village').click();
      await page.getByTitle('城关镇 西河村').click();
      await page.getByLabel('Period').click();
      await page.getByTitle(/Q2 2026/).click();
      await page.getByRole('button', { name: 'Add a line of Income' }).click();
      await page.getByLabel('Income 1 Item').fill('集体土地发包收入');
      await page.getByLabel('Income 1 Amount (yuan)').fill('86000');
      await page.getByRole('button', { name: 'Publish', exact: true }).click();
      await page.getByText(/西河村 Q2 2026 is published/).waitFor();
      await page.locator('input[type=file]').setInputFiles(pdfFile('Q2-ledger'));
      await page.getByText('Uploaded Q2-ledger.pdf').waitFor();
      await page.getByRole('link', { name: 'View' }).click();
      await page.getByText('Disclosed late').waitFor();
      await page.getByRole('link', { name: 'Q2-ledger.pdf' }).waitFor();
      await checkA11y(page, 'statement (en, 390)');
      await page.goto('/disclosure/villages');
      await page.getByRole('listitem').filter({ hasText: '西河村' }).getByText('Up to date').waitFor();
      await screenshot(page, 'disclosure-published-en-390');
    });
  });
});
