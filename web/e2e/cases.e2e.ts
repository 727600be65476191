// The case story in a real browser against the real server: a citizen finds 我要开餐馆（一件事）,
// applies with materials; the window sends a one-time notice, the citizen supplements, the window
// accepts; every department's reviewer approves its part; the window delivers; tracking shows the
// result. Then the test clock runs far ahead on another case and the supervisor sees it red.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { e2eSuite, login, PDF, pdfFile, screenshot } from './harness';

// The bundle's departments without a demo reviewer get one (城管局, 公安局).
const suite = e2eSuite(async (s) => {
  const admin = await s.api('admin');
  const depts = await admin<{ items: { id: string; code: string }[] }>('GET', '/departments');
  for (const code of ['CGJ', 'GAJ']) {
    const d = depts.items.find((x) => x.code === code)!;
    await admin('POST', '/admin/users', { username: `reviewer.${code.toLowerCase()}`, displayName: `${code} 审查员`, role: 'reviewer', departmentId: d.id, password: 'OneWindow2026' });
  }
});
const { withPage } = suite;
const apiSession = suite.api;

const stateTag = (page: Page) => page.getByTestId('case-state');

describe('a restaurant opened through one window', () => {
  let caseUrl = '';
  let receiptNo = '';
  let checkCode = '';

  it('a citizen searches 我想开餐馆, opens the bundle and applies with materials (one left out)', async () => {
    await withPage({}, async ({ page }) => {
      await login(page, 'citizen');
      await page.goto('/');
      await page.getByLabel('您想办什么事？').fill('我想开餐馆');
      await page.getByLabel('您想办什么事？').press('Enter');
      await page.waitForURL(/\/search\?q=/);
      const bundles = page.getByRole('region', { name: '相关“一件事”' });
      await bundles.getByRole('link', { name: '我要开餐馆（一件事）' }).click();
      await page.waitForURL(/\/bundles\/YJS-KCG$/);
      await page.getByRole('heading', { name: '我要开餐馆（一件事）' }).waitFor();
      await page.getByText('清河市消防救援支队').first().waitFor();
      await page.getByRole('region', { name: '材料清单（合并去重）' }).getByText('食品经营许可申请书').waitFor();
      await screenshot(page, 'bundle-detail');

      await page.getByRole('button', { name: '在线申请' }).click();
      await page.waitForURL(/\/apply\?bundle=YJS-KCG/);
      await page.getByLabel('经营者（字号）名称').fill('清河味道小馆');
      await page.getByLabel('经营场所地址').fill('清河市人民路 8 号');
      await page.getByLabel('联系人').fill('张小明');
      await page.getByLabel('联系电话').fill('13800138000');
      const list = page.getByRole('region', { name: '申请材料清单' });
      const rows = list.locator('.ant-list-item').filter({ has: page.locator('input[type=file]') });
      const count = await rows.count();
      assert.ok(count >= 10, `${count} materials to upload`);
      for (let i = 0; i < count; i++) {
        const row = rows.nth(i);
        if ((await row.innerText()).includes('印章印模')) continue; // left out: the window will ask for it
        await row.locator('input[type=file]').setInputFiles(pdfFile(`m${i}`));
        await row.getByText(/已上传 m\d+\.pdf/).waitFor();
      }
      await screenshot(page, 'apply-form');
      await page.getByRole('button', { name: '提交申请' }).click();
      await page.waitForURL(/\/cases\//);
      caseUrl = new URL(page.url()).pathname;
      await page.getByText(/申请已提交，申请编号 QH\d+/).waitFor();
      assert.equal(await stateTag(page).innerText(), '已收件');
      checkCode = await page.getByTestId('check-code').innerText();
      receiptNo = /QH\d+/.exec(await page.getByText(/申请编号 QH\d+/).first().innerText())![0];
      assert.match(receiptNo, /^QH\d+$/);
      await screenshot(page, 'case-detail-applicant');
      await page.goto('/my/cases');
      await page.getByRole('link', { name: receiptNo, exact: true }).waitFor();
      await page.getByRole('heading', { name: /消息/ }).waitFor();
      await screenshot(page, 'my-cases');
    });
  });

  it('the window sends a one-time notice for the missing 印章印模; its PDF opens', async () => {
    await withPage({}, async ({ page }) => {
      await login(page, 'clerk');
      await page.waitForURL(/\/window$/);
      await page.getByRole('link', { name: receiptNo, exact: true }).click();
      await page.getByRole('button', { name: '一次性告知补正' }).click();
      const dialog = page.getByRole('dialog', { name: '一次性告知补正' });
      await dialog.getByRole('checkbox', { name: '印章印模' }).check();
      await dialog.getByLabel('补正要求：印章印模').fill('请上传刻章企业出具的印章印模');
      await dialog.getByRole('region', { name: '告知书预览' }).getByText('印章印模：请上传刻章企业出具的印章印模').waitFor();
      await screenshot(page, 'window-notice');
      await dialog.getByRole('button', { name: '发送告知书' }).click();
      await dialog.waitFor({ state: 'detached' });
      await stateTag(page).filter({ hasText: '待补正' }).waitFor();
      const link = page.getByRole('region', { name: '已出具文书' }).getByRole('link', { name: /补正材料告知书/ });
      const res = await page.request.get(await link.getAttribute('href') as string);
      assert.equal(res.status(), 200);
      assert.equal(res.headers()['content-type'], 'application/pdf');
      assert.equal((await res.body()).subarray(0, 5).toString(), '%PDF-');
    });
  });

  it('the citizen supplements; the window accepts', async () => {
    await withPage({}, async ({ page }) => {
      await login(page, 'citizen');
      await page.goto(caseUrl);
      await page.getByText('一次性告知：请补正以下材料').waitFor();
      await page.getByRole('button', { name: '补正材料' }).click();
      const dialog = page.getByRole('dialog', { name: '补正材料' });
      await dialog.locator('input[type=file]').setInputFiles(pdfFile('seal'));
      await dialog.getByText('已上传 seal.pdf').waitFor();
      await dialog.getByRole('button', { name: /^提\s*交$/ }).click();
      await dialog.waitFor({ state: 'detached' });
      await stateTag(page).filter({ hasText: '已收件' }).waitFor();
    });
    await withPage({}, async ({ page }) => {
      await login(page, 'clerk');
      await page.goto(caseUrl);
      await page.getByRole('button', { name: /^受\s*理$/ }).click();
      await page.getByRole('button', { name: /^是$/ }).click();
      await stateTag(page).filter({ hasText: '审查中' }).waitFor();
      await page.getByRole('region', { name: '已出具文书' }).getByRole('link', { name: /受理通知书/ }).waitFor();
      await screenshot(page, 'window-accepted');
    });
  });

  it('each department reviews its part in the workbench and approves', async () => {
    for (const reviewer of ['reviewer', 'reviewer.xfzd', 'reviewer.cgj', 'reviewer.gaj']) {
      await withPage({}, async ({ page }) => {
        await login(page, reviewer);
        await page.waitForURL(/\/workbench$/);
        await page.getByRole('link', { name: receiptNo, exact: true }).first().click();
        await page.getByRole('heading', { name: '各部门办理进度' }).waitFor();
        if (reviewer === 'reviewer') await screenshot(page, 'review-case');
        for (let i = 0; i < 5; i++) {
          const decide = page.getByRole('button', { name: '作出决定' });
          if ((await decide.count()) === 0) break;
          const before = await decide.count();
          await decide.first().click();
          const dialog = page.getByRole('dialog', { name: /作出决定/ });
          await dialog.getByLabel('决定').waitFor();
          await dialog.getByRole('button', { name: /^提\s*交$/ }).click();
          // the decision is in once this task's button is gone (the dialog closes after the case reloads)
          await page.waitForFunction((n) => [...document.querySelectorAll('button')].filter((b) => b.textContent?.replace(/\s/g, '') === '作出决定').length < n, before, { timeout: 45_000 });
          await dialog.waitFor({ state: 'detached', timeout: 30_000 });
        }
        assert.equal(await page.getByRole('button', { name: '作出决定' }).count(), 0);
        await page.goto('/workbench');
        await page.getByText('没有待审查的任务').waitFor();
        if (reviewer === 'reviewer') await screenshot(page, 'workbench');
      });
    }
  });

  it('the window delivers and tracking shows the case completed', async () => {
    await withPage({}, async ({ page }) => {
      await login(page, 'clerk');
      await page.goto(caseUrl);
      await stateTag(page).filter({ hasText: '已决定' }).waitFor();
      await page.getByRole('button', { name: /^送\s*达$/ }).click();
      const dialog = page.getByRole('dialog', { name: '送达' });
      await dialog.getByRole('button', { name: /^送\s*达$/ }).click();
      await dialog.waitFor({ state: 'detached' });
      await stateTag(page).filter({ hasText: '已办结' }).waitFor();
      await screenshot(page, 'case-completed');
    });
    await withPage({ width: 375, height: 812 }, async ({ page }) => {
      await page.goto('/track');
      await page.getByLabel('受理编号').fill(receiptNo);
      await page.getByLabel('查询码').fill(checkCode);
      await page.getByRole('button', { name: /查\s*询/ }).click();
      const result = page.getByTestId('track-result');
      await result.waitFor();
      await result.getByText(receiptNo).waitFor();
      await result.getByText('准予行政许可决定书').first().waitFor();
      await result.getByText(/已办结|办结/).first().waitFor();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 1, `tracking scrolls sideways by ${overflow}px at 375px`);
      await screenshot(page, 'track-result-phone');
    });
  });
});

describe('supervision', () => {
  it('a case left far past its deadline turns red on the board', async () => {
    const citizen = await apiSession('citizen');
    const fd = new FormData();
    fd.append('file', new Blob([PDF], { type: 'application/pdf' }), 'a.pdf');
    const file = await citizen<{ id: string }>('POST', '/files', fd);
    const item = await (await fetch(`${suite.baseUrl}/api/v1/items/11330900MB1740001A-XK-004`)).json() as { id: string; materials: { name: string; source: string }[] };
    const sub = await citizen<{ case: { id: string; receiptNo: string } }>('POST', '/cases', { itemId: item.id, form: { businessName: '红灯小馆' }, materials: item.materials.filter((m) => m.source === 'applicant').map((m) => ({ name: m.name, fileId: file.id })) }, { 'idempotency-key': `e2e-red-${Date.now()}` });
    const clerk = await apiSession('clerk');
    const c = await clerk<{ version: number }>('GET', `/cases/${sub.case.id}`);
    await clerk('POST', `/cases/${sub.case.id}/accept`, { version: c.version });
    const admin = await apiSession('admin');
    const moved = await admin<{ supervision: { red: number } }>('POST', '/test/clock', { advanceHours: 24 * 60 });
    assert.ok(moved.supervision.red >= 1, 'supervision found red clocks');

    await withPage({}, async ({ page }) => {
      await login(page, 'supervisor');
      await page.waitForURL(/\/supervision$/);
      await page.getByRole('heading', { name: '红黄灯看板' }).waitFor();
      await page.goto('/supervision/clocks?colour=red');
      const row = page.locator('.ant-table-row').filter({ hasText: sub.case.receiptNo });
      await row.first().waitFor();
      await row.first().getByText('红灯').waitFor();
      await screenshot(page, 'supervision-red');
    });
  });
});
