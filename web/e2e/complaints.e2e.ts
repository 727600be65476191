// The reporting center (举报中心) in a real browser against the real server: a citizen reports 乱收费
// anonymously and keeps the ticket number and check code; the center accepts and dispatches it to the
// market-regulation department; the department, which never sees who reported, replies from its list;
// the center closes the ticket; the reporter tracks it with the code, sees the steps and the reply,
// and rates the handling. On SQLite, and again on PostgreSQL when a server is named (harness.ts).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { checkA11y, E2E_DATABASES, e2eSuite, login, screenshot } from './harness';

const stateTag = (page: Page) => page.getByTestId('complaint-state');

/** Takes a step from the ticket page: the button in the header, then the same button in its dialog. */
async function step(page: Page, name: RegExp, state: string) {
  await page.getByRole('button', { name }).first().click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name }).click();
  await dialog.waitFor({ state: 'hidden' });
  await stateTag(page).filter({ hasText: state }).waitFor();
}

for (const database of E2E_DATABASES)
  describe(`a report worked to the end (${database})`, () => {
    const suite = e2eSuite(undefined, { database });
    const { withPage } = suite;
    const shot = (page: Page, name: string) => screenshot(page, `${name}-${database}`);
    it('report anonymously → accept and dispatch → department replies → close → track and rate', async () => {
      let ticketNo = '';
      let code = '';
      let ticketPath = '';

      await withPage({}, async ({ page }) => {
        await page.goto('/complaints/report');
        await page.getByRole('heading', { name: '我要举报' }).waitFor();
        await checkA11y(page, 'the report form');
        await page.getByRole('combobox', { name: '类别' }).click();
        await page.locator('.ant-select-item-option[title="乱收费"]').click();
        await page.getByRole('combobox', { name: '被反映部门' }).fill('市场监督');
        await page.locator('.ant-select-item-option').filter({ hasText: '市场监督管理局' }).first().click();
        await page.getByLabel('缴款单或收据号').fill('JK2026000123');
        await page.getByLabel('反映内容').fill('办理营业执照时窗口要求另交 200 元“加急费”，没有开具收据。');
        await page.getByRole('button', { name: '提交举报' }).click();
        await page.getByText('举报已提交').waitFor();
        ticketNo = /\S+/.exec((await page.getByTestId('ticket-no').innerText()).trim())![0];
        code = /\S+/.exec((await page.getByTestId('check-code').innerText()).trim())![0];
        assert.ok(ticketNo && code, 'the ticket number and the check code are shown');
        await page.getByText(/请记下工单号和查询码/).waitFor();
        await shot(page, 'complaint-reported');
      });

      await withPage({}, async ({ page }) => {
        await login(page, 'complaints');
        await page.waitForURL(/\/complaints\/workbench/);
        await page.getByRole('table', { name: '待受理' }).getByRole('link', { name: ticketNo }).waitFor();
        await checkA11y(page, 'the center workbench');
        await page.getByRole('table', { name: '待受理' }).getByRole('link', { name: ticketNo }).click();
        await page.waitForURL(/\/complaints\/tickets\//);
        ticketPath = new URL(page.url()).pathname;
        await stateTag(page).filter({ hasText: '待受理' }).waitFor();
        await checkA11y(page, 'a ticket');
        await step(page, /^受\s*理$/, '已受理');
        await step(page, /^交\s*办$/, '已交办');
        await shot(page, 'complaint-dispatched');
      });

      await withPage({}, async ({ page }) => {
        await login(page, 'reviewer');
        await page.goto('/complaints/department');
        const list = page.getByRole('table', { name: '本部门举报工单' });
        const row = list.getByRole('row').filter({ hasText: ticketNo });
        await row.getByText('已隐去').waitFor();
        await checkA11y(page, "the department's tickets");
        await row.getByRole('button', { name: /^答\s*复$/ }).click();
        const dialog = page.getByRole('dialog');
        await dialog.getByLabel('答复').fill('经核查属实，已责令窗口退还 200 元并对相关人员批评教育。');
        await dialog.getByRole('button', { name: /^答\s*复$/ }).click();
        await dialog.waitFor({ state: 'hidden' });
        await row.getByText('已答复').waitFor();
      });

      await withPage({}, async ({ page }) => {
        await login(page, 'complaints');
        await page.goto(ticketPath);
        await stateTag(page).filter({ hasText: '已答复' }).waitFor();
        await step(page, /^办\s*结$/, '已办结');
      });

      await withPage({}, async ({ page }) => {
        await page.goto(`/complaints/track?ticket=${encodeURIComponent(ticketNo)}`);
        await page.getByLabel('查询码').fill(code);
        await page.getByRole('button', { name: /^查\s*询$/ }).click();
        await page.getByText('经核查属实，已责令窗口退还 200 元并对相关人员批评教育。').waitFor();
        const steps = page.getByLabel('办理进度');
        for (const s of ['受理', '交办', '答复', '办结']) await steps.getByText(s, { exact: true }).waitFor();
        await page.getByRole('radio').nth(4).click();
        await page.getByRole('button', { name: '提交评价' }).click();
        await page.getByText('感谢您的评价').waitFor();
        await page.getByText('非常满意').first().waitFor();
        await checkA11y(page, 'tracking a ticket');
        await shot(page, 'complaint-rated');
      });

      // The workbench on a phone in English: its queue tabs do not overflow into an unnamed menu.
      await withPage({ language: 'en', width: 390, height: 844 }, async ({ page }) => {
        await login(page, 'complaints');
        await page.waitForURL(/\/complaints\/workbench/);
        await page.getByRole('heading', { level: 1 }).waitFor();
        await page.waitForFunction(() => !document.querySelector('.ant-skeleton'));
        await checkA11y(page, 'the center workbench at 390px in English');
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 1, `the workbench scrolls sideways by ${overflow}px`);
        await shot(page, 'complaint-workbench-en-phone');
      });
    });

    it('退单: the department returns the ticket with its reason → the center upholds it and it goes to another department', async () => {
      const center = await suite.api('complaints');
      const depts = await center<{ items: { id: string; code: string }[] }>('GET', '/departments');
      const idOf = (code: string) => depts.items.find((d) => d.code === code)!.id;
      const res = await fetch(`${suite.baseUrl}/api/v1/complaints`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          channel: 'portal',
          anonymous: false,
          reporter: { name: '王举报', phone: '13900139000' },
          categoryCode: 'arbitrary_fee',
          departmentId: idOf('SCJ'),
          description: '办理健康证时窗口另收体检资料费五十元，没有票据',
        }),
      });
      assert.equal(res.status, 201);
      const { id } = (await res.json()) as { id: string };
      await center('POST', `/complaints/${id}/accept`, { version: 1 });
      await center('POST', `/complaints/${id}/dispatch`, { version: 2 });

      await withPage({}, async ({ page }) => {
        await login(page, 'reviewer');
        await page.goto(`/complaints/tickets/${id}`);
        await stateTag(page).filter({ hasText: '已交办' }).waitFor();
        await page
          .getByRole('button', { name: /^退\s*单$/ })
          .first()
          .click();
        const dialog = page.getByRole('dialog');
        await dialog.getByLabel('退单理由').fill('体检资料费由卫生健康委的体检窗口收取，不属本局');
        await dialog.getByRole('button', { name: /^退\s*单$/ }).click();
        await dialog.waitFor({ state: 'hidden' });
        await stateTag(page).filter({ hasText: '已退单' }).waitFor();
      });

      await withPage({}, async ({ page }) => {
        await login(page, 'complaints');
        await page.goto(`/complaints/tickets/${id}`);
        await stateTag(page).filter({ hasText: '已退单' }).waitFor();
        await page.getByRole('button', { name: '处理退单' }).first().click();
        const dialog = page.getByRole('dialog');
        await dialog.getByRole('combobox', { name: '承办部门' }).fill('卫生健康');
        await page.locator('.ant-select-item-option').filter({ hasText: '卫生健康' }).first().click();
        await dialog.getByLabel('说明').fill('退单成立，改派卫生健康委');
        await dialog.getByRole('button', { name: '处理退单' }).click();
        await dialog.waitFor({ state: 'hidden' });
        await stateTag(page).filter({ hasText: '已交办' }).waitFor();
        await shot(page, 'complaint-return-upheld');
      });
      const after = await center<{ assignedDepartment: { id: string }; returnCount: number }>(
        'GET',
        `/complaints/${id}`,
      );
      assert.equal(after.assignedDepartment.id, idOf('WJW'));
      assert.equal(after.returnCount, 1, 'the return is counted');
    });

    it('不予受理: the center refuses a report with its reasons; the reporter sees them when tracking', async () => {
      const res = await fetch(`${suite.baseUrl}/api/v1/complaints`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          channel: 'portal',
          anonymous: true,
          categoryCode: 'consultation',
          departmentId: (
            await (
              await suite.api('complaints')
            )<{ items: { id: string; code: string }[] }>('GET', '/departments')
          ).items.find((d) => d.code === 'SCJ')!.id,
          description: '对法院判决结果不服，请求重新审理',
        }),
      });
      assert.equal(res.status, 201);
      const { id, ticketNo, checkCode } = (await res.json()) as {
        id: string;
        ticketNo: string;
        checkCode: string;
      };

      await withPage({}, async ({ page }) => {
        await login(page, 'complaints');
        await page.goto(`/complaints/tickets/${id}`);
        await stateTag(page).filter({ hasText: '待受理' }).waitFor();
        await page.getByRole('button', { name: '不予受理' }).first().click();
        const dialog = page.getByRole('dialog');
        await dialog
          .getByLabel('不予受理理由（每行一条）')
          .fill('属于司法程序处理的事项\n请依法向人民法院申请再审');
        await dialog.getByRole('button', { name: '不予受理' }).click();
        await dialog.waitFor({ state: 'hidden' });
        await stateTag(page).filter({ hasText: '不予受理' }).waitFor();
      });

      await withPage({}, async ({ page }) => {
        await page.goto(`/complaints/track?ticket=${encodeURIComponent(ticketNo)}`);
        await page.getByLabel('查询码').fill(checkCode);
        await page.getByRole('button', { name: /^查\s*询$/ }).click();
        await page.getByText('请依法向人民法院申请再审').waitFor();
        await shot(page, 'complaint-refused-tracked');
      });
    });

    it('并单 and 改派: a likely duplicate is merged into the first ticket, tracking it shows that; the first is reassigned to another department', async () => {
      const center = await suite.api('complaints');
      const depts = await center<{ items: { id: string; code: string }[] }>('GET', '/departments');
      const file = async (description: string) => {
        const res = await fetch(`${suite.baseUrl}/api/v1/complaints`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            channel: 'portal',
            anonymous: true,
            categoryCode: 'arbitrary_fee',
            departmentId: depts.items.find((d) => d.code === 'WJW')!.id,
            description,
          }),
        });
        assert.equal(res.status, 201);
        return (await res.json()) as { id: string; ticketNo: string; checkCode: string };
      };
      const first = await file('办理健康证时体检窗口另收体检资料费八十元，没有开具任何票据');
      const second = await file('办健康证体检窗口另外收取体检资料费八十元，不给票据');

      await withPage({}, async ({ page }) => {
        await login(page, 'complaints');
        await page.goto(`/complaints/tickets/${second.id}`);
        await stateTag(page).filter({ hasText: '待受理' }).waitFor();
        await page.getByRole('button', { name: `并入 ${first.ticketNo}` }).click();
        await page
          .getByRole('tooltip')
          .getByRole('button', { name: /^并\s*单$/ })
          .click();
        await page.getByText(`本件已并入工单 ${first.ticketNo}，办理结果以该工单为准。`).waitFor();
        await shot(page, 'complaint-merged');
      });

      await withPage({}, async ({ page }) => {
        await page.goto(`/complaints/track?ticket=${encodeURIComponent(second.ticketNo)}`);
        await page.getByLabel('查询码').fill(second.checkCode);
        await page.getByRole('button', { name: /^查\s*询$/ }).click();
        await page.getByText(first.ticketNo, { exact: false }).first().waitFor();
      });

      // 改派: the first ticket, dispatched to 卫生健康委, goes to 市场监管局 instead, with the reason.
      await center('POST', `/complaints/${first.id}/accept`, { version: 1 });
      const dispatched = await center<{ version: number }>('GET', `/complaints/${first.id}`);
      await center('POST', `/complaints/${first.id}/dispatch`, { version: dispatched.version });
      await withPage({}, async ({ page }) => {
        await login(page, 'complaints');
        await page.goto(`/complaints/tickets/${first.id}`);
        await stateTag(page).filter({ hasText: '已交办' }).waitFor();
        await page
          .getByRole('button', { name: /^改\s*派$/ })
          .first()
          .click();
        const dialog = page.getByRole('dialog');
        await dialog.getByRole('combobox', { name: '承办部门' }).fill('市场监督');
        await page.locator('.ant-select-item-option').filter({ hasText: '市场监督' }).first().click();
        await dialog.getByLabel('说明').fill('收费窗口由市场监管局派驻，改由其办理');
        await dialog.getByRole('button', { name: /^改\s*派$/ }).click();
        await dialog.waitFor({ state: 'hidden' });
        await stateTag(page).filter({ hasText: '已交办' }).waitFor();
      });
      const moved = await center<{ assignedDepartment: { id: string } }>('GET', `/complaints/${first.id}`);
      assert.equal(moved.assignedDepartment.id, depts.items.find((d) => d.code === 'SCJ')!.id);
    });

    it('回访 and 重办: the center records the call back; the reporter, not satisfied, reopens the ticket', async () => {
      const center = await suite.api('complaints');
      const reviewer = await suite.api('reviewer');
      const scj = (await center<{ items: { id: string; code: string }[] }>('GET', '/departments')).items.find(
        (d) => d.code === 'SCJ',
      )!.id;
      const res = await fetch(`${suite.baseUrl}/api/v1/complaints`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          channel: 'portal',
          anonymous: false,
          reporter: { name: '李反映', phone: '13900139001' },
          categoryCode: 'delay',
          departmentId: scj,
          description: '食品经营许可申请已过承诺时限仍未办结',
        }),
      });
      assert.equal(res.status, 201);
      const { id, ticketNo, checkCode } = (await res.json()) as {
        id: string;
        ticketNo: string;
        checkCode: string;
      };
      await center('POST', `/complaints/${id}/accept`, { version: 1 });
      await center('POST', `/complaints/${id}/dispatch`, { version: 2 });
      await reviewer('POST', `/complaints/${id}/reply`, { version: 3, reply: '已督促审查员当日办结' });
      await center('POST', `/complaints/${id}/close`, { version: 4 });

      await withPage({}, async ({ page }) => {
        await login(page, 'complaints');
        await page.goto(`/complaints/tickets/${id}`);
        await stateTag(page).filter({ hasText: '已办结' }).waitFor();
        await page
          .getByRole('button', { name: /^回\s*访$/ })
          .first()
          .click();
        const dialog = page.getByRole('dialog');
        await dialog.getByLabel('回访情况').fill('电话回访，反映人称许可证仍未领到');
        await dialog.getByRole('button', { name: /^回\s*访$/ }).click();
        await dialog.waitFor({ state: 'hidden' });
        await page.getByText('电话回访，反映人称许可证仍未领到').first().waitFor();
      });

      await withPage({}, async ({ page }) => {
        await page.goto(`/complaints/track?ticket=${encodeURIComponent(ticketNo)}`);
        await page.getByLabel('查询码').fill(checkCode);
        await page.getByRole('button', { name: /^查\s*询$/ }).click();
        await page.getByText('问题没有解决？').waitFor();
        await page.getByLabel('未解决的情况').fill('许可证至今未领到');
        await page.getByRole('button', { name: '申请重办' }).click();
        await page.getByText('已重新办理').first().waitFor();
        await shot(page, 'complaint-reopened');
      });
      const after = await center<{ state: string; reopenCount: number; callbackNote: string | null }>(
        'GET',
        `/complaints/${id}`,
      );
      assert.equal(after.state, 'dispatched', 'reopened: back with the department');
      assert.equal(after.reopenCount, 1, 'the reopen is counted');
      assert.equal(after.callbackNote, '电话回访，反映人称许可证仍未领到');
    });
  });
