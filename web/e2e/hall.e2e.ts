// The hall in a real browser against the real server: a citizen books a slot and gets the
// appointment's code; at the kiosk the code takes a ticket (or, when the slot is not today, the kiosk
// says so and a walk-in ticket is taken); the ticket's page follows it on a phone; the clerk at E01
// calls numbers until it is called, the calling screen shows it live, the phone says where to go;
// the visit is finished with the case taken in for it, and the case's page shows the visit.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { e2eSuite, login, openPage, screenshot } from './harness';

const suite = e2eSuite();
const { withPage } = suite;

async function takeTicket(kiosk: Page, code: string): Promise<string> {
  await kiosk.goto('/hall/kiosk');
  await kiosk.getByLabel('预约码').fill(code);
  await kiosk.getByRole('button', { name: '预约取号' }).last().click();
  const slip = kiosk.getByTestId('ticket-slip');
  const refused = kiosk.getByText(/今天不能凭它取号/);
  await Promise.race([slip.waitFor(), refused.waitFor()]);
  if (!(await slip.isVisible())) {
    await kiosk.getByLabel('手机号（快到时短信提醒，可不填）').fill('13800138000');
    await kiosk.getByRole('button', { name: /^A 市场准入/ }).click();
    await slip.waitFor();
  }
  return (await slip.getByTestId('ticket-link').getAttribute('href'))!;
}

describe('the hall: book, take a ticket, be called, be served, the visit counted', () => {
  it('a citizen books; the kiosk, the screen, the phone and the window follow the ticket to the case', async () => {
    const api = await suite.api('clerk');
    await withPage({}, async ({ page }) => {
      await login(page, 'citizen');
      // The demo booked the citizen's first slot in A already: cancelled first, one booking a day per group.
      await page.goto('/hall/book');
      await page.getByRole('link', { name: /市场准入/ }).click();
      await page.waitForURL(/\/hall\/appointments\//);
      await page.getByRole('button', { name: /^取消预约$/ }).click();
      await page.getByRole('button', { name: /^确\s*定$|^OK$/ }).click();
      await page.getByText('已取消').waitFor();
      await page.goto('/hall/book');
      await page.getByLabel('办理业务').click();
      await page.getByTitle('A 市场准入').click();
      await page
        .getByRole('group', { name: '时段' })
        .getByRole('button')
        .and(page.locator(':enabled'))
        .first()
        .click();
      await page.getByRole('button', { name: /^预\s*约$/ }).click();
      await page.waitForURL(/\/hall\/appointments\//);
      const code = (await page.getByTestId('appointment-code').innerText()).trim();
      assert.match(code, /^[2-9A-Z]{8}$/);
      await screenshot(page, 'hall-appointment');

      const kiosk = await openPage(suite.browser, suite.baseUrl);
      const display = await openPage(suite.browser, suite.baseUrl);
      const phone = await openPage(suite.browser, suite.baseUrl, { width: 390, height: 844 });
      try {
        kiosk.allow(/status of 422/);
        await login(kiosk.page, 'clerk');
        const link = await takeTicket(kiosk.page, code);
        const number = (await kiosk.page.getByTestId('ticket-slip').getByRole('heading').innerText()).trim();
        assert.match(number, /^A\d{3}$/);

        await phone.page.goto(new URL(link).pathname);
        await phone.page.getByTestId('ticket-number').filter({ hasText: number }).waitFor();
        await phone.page.getByText('预计等候').waitFor();
        await display.page.goto('/hall/display');
        await display.page.getByRole('heading', { name: '叫号屏' }).waitFor();

        // The clerk at E01 (the demo sits there, serving a number) calls until this ticket comes up.
        const w = kiosk.page;
        await w.goto('/hall/window');
        await w.getByRole('heading', { name: 'E01 窗口' }).waitFor();
        for (let i = 0; i < 12; i++) {
          const current = w.getByTestId('current-number');
          if (await current.isVisible()) {
            if ((await current.innerText()).trim() === number) break;
            await w.getByRole('button', { name: /^未\s*到$/ }).click();
          }
          await w.getByRole('button', { name: '叫下一号' }).click();
          await current.waitFor();
        }
        assert.equal((await w.getByTestId('current-number').innerText()).trim(), number);
        await display.page
          .getByTestId('latest-call')
          .filter({ hasText: number })
          .filter({ hasText: 'E01 窗口' })
          .waitFor();
        await phone.page.getByText('请到 E01 窗口 办理').waitFor();
        await screenshot(display.page, 'hall-display');
        await screenshot(phone.page, 'hall-ticket-phone');

        // The matter is taken in at the window, and the visit is finished with its receipt number.
        const food = (
          await api<{ items: { id: string }[] }>(
            'GET',
            `/search?q=${encodeURIComponent('食品经营许可')}&limit=1`,
          )
        ).items[0]!;
        const guide = await api<{ materials: { name: string; required: boolean; source: string }[] }>(
          'GET',
          `/items/${food.id}`,
        );
        const intake = await api<{ case: { id: string; receiptNo: string } }>('POST', '/cases', {
          itemId: food.id,
          applicant: { kind: 'person', name: '张小明', idNumber: '11010519491231002X', phone: '13800138000' },
          form: { 经营场所: '清河市人民路1号', 经营项目: '热食类食品制售' },
          materials: guide.materials
            .filter((m) => m.required && ['applicant', 'window_check'].includes(m.source))
            .map((m) => ({ name: m.name, paper: true })),
          window: 'E01',
        });
        await w.getByLabel('办件受理编号（可不填：咨询）').fill(intake.case.receiptNo);
        await w.getByRole('button', { name: /^办\s*结$/ }).click();
        await w.getByRole('button', { name: '叫下一号' }).waitFor();
        await phone.page.getByText('已办理完毕').waitFor();

        await w.goto(`/cases/${intake.case.id}`);
        await w.getByTestId('case-visits').filter({ hasText: '申请人到大厅 1 次' }).waitFor();
        await screenshot(w, 'hall-case-visits');
        for (const p of [kiosk, display, phone])
          assert.deepEqual(p.errors, [], 'no errors in the browser console');
      } finally {
        await Promise.all([kiosk.close(), display.close(), phone.close()]);
      }
    });
  });

  it('the ticket page and the screen read in English', async () => {
    const api = await suite.api('clerk');
    const groups = await api<{ items: { id: string; code: string }[] }>('GET', '/hall/groups');
    const t = await api<{ token: string; number: string }>('POST', '/hall/tickets', {
      groupId: groups.items.find((g) => g.code === 'B')!.id,
      source: 'kiosk',
    });
    await withPage({ language: 'en', width: 390, height: 844 }, async ({ page }) => {
      await page.goto(`/hall/t/${t.token}`);
      await page.getByRole('heading', { name: 'My place in the queue' }).waitFor();
      await page.getByText('People ahead').waitFor();
      await page.getByText('Social and medical insurance').waitFor();
      await page.goto('/hall/display');
      await page.getByRole('button', { name: 'Turn on announcements' }).waitFor();
    });
  });
});
