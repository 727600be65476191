// The window in a real browser against the real server: a clerk takes in a walk-in application for
// 普通护照签发 (its ¥120 工本费 is due before acceptance, so the payment form is issued on receipt), is
// told by the server that an ID number is wrong (shown beside the field), takes the application in,
// cannot accept it unpaid, collects the fee in cash at the counter, prints the receipt, accepts, and
// finds the case again at the window's counter by its receipt number with the receipt on it.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { checkA11y, e2eSuite, login, screenshot } from './harness';

const suite = e2eSuite();
const { withPage } = suite;

const stateTag = (page: Page) => page.getByTestId('case-state');

/** Fetches a link's target in the page's session and checks it is a PDF. */
async function assertPdf(page: Page, href: string | null) {
  assert.ok(href, 'the link has a target');
  const res = await page.request.get(href);
  assert.equal(res.status(), 200, href);
  assert.equal(res.headers()['content-type'], 'application/pdf');
  assert.equal((await res.body()).subarray(0, 5).toString(), '%PDF-');
}

describe('walk-in intake and the fee collected at the counter', () => {
  it('a clerk takes in 普通护照签发, collects ¥120 in cash, prints the receipt and accepts', async () => {
    await withPage({}, async ({ page, allow }) => {
      await login(page, 'clerk');
      await page.waitForURL(/\/window$/);
      await page.getByLabel('您想办什么事？').fill('普通护照');
      await page.getByLabel('您想办什么事？').press('Enter');
      await page
        .getByRole('list', { name: '可收件的事项' })
        .getByRole('link', { name: '收件：普通护照签发' })
        .click();
      await page.waitForURL(/\/window\?intake=item%3A|\/window\?intake=item:/);
      await page.getByRole('heading', { name: '窗口收件：普通护照签发' }).waitFor();
      await page.getByText('普通护照工本费：¥120.00').waitFor();
      await checkA11y(page, 'the window intake');

      // an ID number with a wrong check character: the server says so beside the field
      allow(/status of 400/);
      await page.getByLabel('申请人姓名或名称').fill('李小华');
      const idNumber = page.getByLabel('居民身份证号码');
      await idNumber.fill('110105194912310021');
      await page.getByLabel('手机号码').fill('13900139000');
      await page.getByRole('button', { name: '全部核验' }).click();
      await page.getByRole('button', { name: '提交收件' }).click();
      const idField = page.locator('.ant-form-item').filter({ has: idNumber });
      await idField.getByText('身份证号校验位不正确').waitFor();
      assert.equal(await idNumber.getAttribute('aria-invalid'), 'true');

      await idNumber.fill('11010519491231002X');
      await page.getByRole('button', { name: '提交收件' }).click();
      await page.waitForURL(/\/cases\//);
      const receiptNo = /QH\d+/.exec(await page.getByText(/申请已提交，受理编号 QH\d+/).innerText())![0];
      assert.equal(await stateTag(page).innerText(), '已收件');

      // the payment form was issued on receipt; acceptance waits for the fee
      await page.getByTestId('fees-outstanding').filter({ hasText: '尚欠 ¥120.00' }).waitFor();
      allow(/status of 409/);
      await page.getByRole('button', { name: /^受\s*理$/ }).click();
      await page.getByRole('button', { name: /^是$/ }).click();
      await page
        .getByText(/未缴清/)
        .first()
        .waitFor();
      assert.equal(await stateTag(page).innerText(), '已收件');

      // cash at the counter: ¥120.00 due, ¥200 handed over, ¥80 change
      await page.getByRole('button', { name: '柜台收费' }).click();
      const dialog = page.getByRole('dialog', { name: /柜台收费：缴款书/ });
      assert.equal(await dialog.getByLabel('收款金额（元）').inputValue(), '120.00');
      await dialog.getByLabel('实收现金（元，可选）').fill('200');
      await dialog.getByText('应找零 ¥80.00').waitFor();
      await dialog.getByRole('button', { name: '确认收款' }).click();
      await dialog.waitFor({ state: 'detached' });
      const paid = page.getByRole('status').filter({ hasText: '已收款 ¥120.00（现金）' });
      await paid.waitFor();
      await assertPdf(page, await paid.getByRole('link', { name: /^打印票据 / }).getAttribute('href'));
      await assertPdf(page, await paid.getByRole('link', { name: /^打印缴款书 / }).getAttribute('href'));
      await page.getByTestId('fees-outstanding').filter({ hasText: '尚欠 ¥0.00' }).waitFor();
      const receiptLink = page.getByRole('link', { name: /^票据 / });
      const receiptText = await receiptLink.innerText();
      await screenshot(page, 'window-fee-paid');

      // now the window accepts
      await page.getByRole('button', { name: /^受\s*理$/ }).click();
      await page.getByRole('button', { name: /^是$/ }).click();
      await stateTag(page).filter({ hasText: '审查中' }).waitFor();

      // the window's counter finds the case by its receipt number, with the receipt on it
      await page.goto('/window');
      await page.getByLabel('按受理编号查找办件').fill(receiptNo);
      await page.getByLabel('按受理编号查找办件').press('Enter');
      await page.getByRole('button', { name: `为 ${receiptNo} 收费` }).click();
      await page.waitForURL(/\/window\?fees=/);
      await page.getByRole('link', { name: receiptText }).waitFor();
      await checkA11y(page, 'the counter fees');
      await page.getByTestId('fees-outstanding').filter({ hasText: '尚欠 ¥0.00' }).waitFor();
      assert.equal(
        await page.getByRole('button', { name: '柜台收费' }).count(),
        0,
        'nothing left to collect',
      );
      await screenshot(page, 'window-counter');
    });
  });
});
