// The applicant's own account in the browser: a forgotten password reset with the code the SMS
// gateway receives (a sink in this process stands in for it), the application form prefilled from
// the profile, and a material's blank form downloaded from the guide. Chinese at 1280 px, English at
// 390 px; every page checked by axe-core.
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { checkA11y, e2eSuite, login, screenshot } from './harness';

/** The SMS gateway: every message the server sends, by number. */
const texts: { to: string; text: string }[] = [];
const sink = http.createServer((req, res) => {
  let body = '';
  req.on('data', (c: Buffer) => (body += c.toString()));
  req.on('end', () => {
    texts.push(JSON.parse(body) as { to: string; text: string });
    res.writeHead(200).end('{}');
  });
});
await new Promise<void>((r) => sink.listen(0, '127.0.0.1', r));
process.env.SMS_GATEWAY_URL = `http://127.0.0.1:${(sink.address() as AddressInfo).port}/send`;
process.env.SMS_GATEWAY_KEY_ID = 'e2e';
process.env.SMS_GATEWAY_SECRET = 'e2e-secret-of-sixteen';
process.env.NOTIFICATION_INTERVAL_MS = '200';

let itemId = '';
const suite = e2eSuite(async (s) => {
  const r = await fetch(`${s.baseUrl}/api/v1/search?q=${encodeURIComponent('食品经营许可')}&limit=1`);
  itemId = ((await r.json()) as { items: { id: string }[] }).items[0]!.id;
});
test.after(() => new Promise<void>((r) => sink.close(() => r())));

/** The six-digit code texted to this number after `since` messages. */
async function codeSentTo(phone: string, since: number): Promise<string> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    const m = texts.slice(since).find((x) => x.to === phone && /\d{6}/.test(x.text));
    if (m) return /(\d{6})/.exec(m.text)![1]!;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no code texted to ${phone}`);
}

async function settled(page: Page, where: string, shot: string) {
  await page.waitForLoadState('networkidle');
  await page.waitForFunction(() => !document.querySelector('.ant-skeleton') && document.querySelector('h1'));
  assert.equal(await page.locator('h1').count(), 1, `${where}: one H1`);
  await checkA11y(page, where);
  await screenshot(page, shot);
}

/** From the login page's link to a new password, with the code read from the SMS gateway. */
async function resetPassword(page: Page, username: string, phone: string, newPassword: string, zh: boolean) {
  await page.goto('/login');
  await page.getByRole('link', { name: zh ? '忘记密码？' : 'Forgot your password?' }).click();
  await page.waitForURL('**/forgot-password');
  await settled(page, 'forgot password', `account-forgot-${zh ? 'zh-1280' : 'en-390'}`);
  await page.getByLabel(zh ? '用户名' : 'Username').fill(username);
  await page.getByLabel(zh ? '手机号码或电子邮箱' : 'Mobile number or email').fill(phone);
  const before = texts.length;
  await page.getByRole('button', { name: zh ? '发送验证码' : 'Send code' }).click();
  await page.getByText(zh ? /验证码已经发出/ : /a code is on its way/).waitFor();
  const code = await codeSentTo(phone, before);
  await page.getByLabel(zh ? '验证码' : 'Code', { exact: true }).fill(code);
  await page.getByLabel(zh ? '新密码' : 'New password', { exact: true }).fill(newPassword);
  await page.getByLabel(zh ? '再次输入新密码' : 'New password again').fill(newPassword);
  await checkA11y(page, 'forgot password: the code');
  await page.getByRole('button', { name: zh ? '设置新密码' : 'Set new password' }).click();
  await page.getByText(zh ? /密码已重新设置/ : /Your password is set/).waitFor();
  // The password-changed notice goes to the phone too.
  const deadline = Date.now() + 20_000;
  while (!texts.slice(before).some((x) => x.to === phone && /(重置|was reset)/.test(x.text))) {
    assert.ok(Date.now() < deadline, 'the account is told its password changed');
    await new Promise((r) => setTimeout(r, 100));
  }
  await page
    .getByRole('link', { name: zh ? '去登录' : 'Sign in' })
    .first()
    .click();
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(newPassword);
  await page.locator('#password').press('Enter');
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
}

/** The guide's blank form link serves the PDF whose hash the guide names. */
async function downloadBlankForm(page: Page, zh: boolean) {
  await page.goto(`/items/${itemId}`);
  await settled(page, 'guide with blank forms', `account-guide-${zh ? 'zh-1280' : 'en-390'}`);
  const link = page.getByRole('link', {
    name: zh ? /下载空白表格：食品经营许可申请书/ : /Download Blank form: 食品经营许可申请书/,
  });
  const href = (await link.getAttribute('href'))!;
  const sha = await link.getAttribute('data-sha256');
  const res = await page.request.get(href);
  assert.equal(res.status(), 200);
  assert.equal(res.headers()['content-type'], 'application/pdf');
  assert.equal(res.headers()['x-content-sha256'], sha);
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  assert.match(download.suggestedFilename(), /食品经营许可申请书（空白表格）\.pdf/);
}

test('a citizen resets a forgotten password by SMS, keeps an address, applies with it prefilled and downloads a blank form (中文, 1280)', async () => {
  await suite.withPage({ width: 1280, height: 900 }, async ({ page }) => {
    await resetPassword(page, 'citizen', '13800138000', 'NewPass2027', true);
    await page.goto('/my/profile');
    await settled(page, 'my profile', 'account-profile-zh-1280');
    await page.getByLabel('常用地址').fill('清河市人民路 88 号');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByText('资料已保存').waitFor();
    await downloadBlankForm(page, true);
    await page.goto(`/apply?item=${itemId}`);
    await page.waitForFunction(
      () => (document.querySelector('#contactPhone') as HTMLInputElement | null)?.value === '13800138000',
    );
    assert.equal(await page.locator('#contactName').inputValue(), '张小明');
    assert.equal(await page.locator('#address, #contactAddress').first().inputValue(), '清河市人民路 88 号');
    await page.getByText('已根据您的资料预先填写，可以修改。').waitFor();
    await settled(page, 'apply, prefilled', 'account-apply-zh-1280');
  });
});

test('an enterprise keeps its contacts, applies with them prefilled, then resets its password by SMS (English, 390)', async () => {
  await suite.withPage({ width: 390, height: 844, language: 'en' }, async ({ page, allow }) => {
    await login(page, 'enterprise');
    await page.goto('/my/profile');
    await settled(page, 'my profile (en)', 'account-profile-en-390');
    await page.getByLabel('Mobile number').fill('123');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('The mobile number has 11 digits and starts with 1').first().waitFor();
    await page.getByLabel('Mobile number').fill('13900139000');
    await page.getByLabel('Contact person').fill('王经理');
    await page.getByLabel('Usual address').fill('清河市滨江路 8 号');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Profile saved').waitFor();
    await page.goto(`/apply?item=${itemId}`);
    await page.waitForFunction(
      () => (document.querySelector('#contactName') as HTMLInputElement | null)?.value === '王经理',
    );
    assert.equal(await page.locator('#businessName').inputValue(), '清河市味道餐饮管理有限公司');
    assert.equal(await page.locator('#contactPhone').inputValue(), '13900139000');
    await settled(page, 'apply, prefilled (en)', 'account-apply-en-390');
    await downloadBlankForm(page, false);
    await page.context().clearCookies();
    allow(/401/);
    await resetPassword(page, 'enterprise', '13900139000', 'Enterprise2027', false);
  });
});
