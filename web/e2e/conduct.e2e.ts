// The government's own conduct in a real browser against the real server (demo data, test time):
// the market regulator's commitments on its public page with progress; a clerk studies 首问负责制
// and passes its quiz, completing the assignment; the public list of fees cut; time moves past the
// quarter's end, the commitments are assessed, a supervisor judges the stated one and publishes the
// self-inspection campaign's summary, which the public then reads.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { e2eSuite, login, screenshot } from './harness';
import { DEMO_LEARNING } from '../../src/seed/demo-learning';

const suite = e2eSuite();
const { withPage } = suite;

const firstInquiry = DEMO_LEARNING.find((m) => m.material.ruleCode === 'first_inquiry')!;

describe('the government held to its word', () => {
  it('commitments with progress, study and quiz, fees cut, then period end and the published summary', async () => {
    await withPage({}, async ({ page }) => {
      await page.goto('/departments/SCJ');
      await page.getByRole('heading', { name: '本部门公开承诺' }).waitFor();
      const stated = page.getByTestId('commitment').filter({ hasText: '20 个高频事项实现全程网办' });
      await stated.waitFor();
      await stated.getByText('进行中').waitFor();
      const satisfaction = page.getByTestId('commitment').filter({ hasText: '满意率不低于 95%' });
      // Measured live from the ratings (the demo has some for this department in the period).
      await satisfaction.getByText(/当前进度: \d+(\.\d+)?%/).waitFor();
      await screenshot(page, 'conduct-commitments-public');

      await page.goto('/fees/changes');
      await page.getByRole('heading', { name: '取消和降低的收费项目' }).waitFor();
      await page.getByRole('row').filter({ hasText: 'FEE-GA-LSHP' }).getByText('取消').waitFor();
    });

    await withPage({}, async ({ page }) => {
      await login(page, 'clerk');
      await page.goto('/learning');
      await page.getByRole('heading', { name: '职业教育' }).waitFor();
      const row = page.getByRole('row').filter({ hasText: '首问负责制' }).first();
      await row.getByText('未完成').waitFor();
      await row.getByRole('link', { name: '首问负责制' }).click();
      await page.getByRole('heading', { name: '首问负责制' }).waitFor();
      for (const box of await page.getByRole('checkbox', { name: '本节已学完' }).all()) await box.check();
      await page.getByRole('button', { name: '保存学习记录' }).click();
      await page.getByText(/已学 2 \/ 2 节/).waitFor();
      await page.getByRole('button', { name: '开始测验' }).click();
      const groups = page.getByRole('radiogroup');
      await groups.first().waitFor();
      for (const group of await groups.all()) {
        const prompt = (await group.getAttribute('aria-label')) ?? '';
        const q = firstInquiry.questions.find((x) => x.prompt === prompt);
        assert.ok(q, `a question from the bank: ${prompt}`);
        await group.getByRole('radio', { name: q.options[q.answer]! }).check();
      }
      await page
        .getByRole('button', { name: '交 卷' })
        .or(page.getByRole('button', { name: '交卷' }))
        .click();
      await page.getByText(/已通过（及格线 80）/).waitFor();
      await page.getByText('本资料已学完并通过测验').waitFor();
      await screenshot(page, 'conduct-quiz-passed');
      await page.goto('/learning');
      await page
        .getByRole('row')
        .filter({ hasText: '首问负责制' })
        .first()
        .getByText('已完成')
        .first()
        .waitFor();
    });

    // The quarter ends (and the campaign's deadline passes): supervision runs, the period is assessed.
    const admin = await suite.api('admin');
    await admin('POST', '/test/clock', { advanceHours: 24 * 30 });

    await withPage({}, async ({ page, allow }) => {
      allow(/status of 409/);
      await login(page, 'supervisor');
      await page.goto('/conduct/commitments');
      await page.getByRole('heading', { name: '部门承诺' }).waitFor();
      const stated = page.getByTestId('commitment').filter({ hasText: '20 个高频事项实现全程网办' });
      await stated.getByText('待监察判定').waitFor();
      await stated.getByRole('button', { name: '判定已兑现' }).click();
      await stated.getByText('已兑现', { exact: true }).waitFor();

      await page.goto('/conduct/self-inspection');
      await page.getByRole('link', { name: /乱收费专项自查自纠/ }).click();
      await page.getByTestId('report').filter({ hasText: '市场监督管理局' }).getByText('已报送').waitFor();
      await page.getByRole('button', { name: '随机抽查' }).click();
      await page.getByTestId('report').filter({ hasText: '市场监督管理局' }).getByText('已抽查').waitFor();
      await page.getByRole('button', { name: '审核通过' }).click();
      await page.getByTestId('report').filter({ hasText: '市场监督管理局' }).getByText('已通过').waitFor();
      await page
        .getByLabel('通报内容')
        .fill('市场监管局自查发现 1 个问题并整改；卫生健康委、住房城乡建设局逾期未报送，已督办。');
      await page.getByRole('button', { name: '发布通报' }).click();
      await page
        .getByText('已通报')
        .or(page.getByText('市场监管局自查发现 1 个问题并整改'))
        .first()
        .waitFor();
      await screenshot(page, 'conduct-campaign-published');
    });

    await withPage({ language: 'en' }, async ({ page }) => {
      await page.goto('/self-inspection');
      await page.getByRole('heading', { name: 'Self-inspection results' }).waitFor();
      await page.getByText('Found by supervisors').first().waitFor();
      await page.getByText(/市场监管局自查发现 1 个问题并整改/).waitFor();
      await page.goto('/departments/SCJ');
      await page
        .getByTestId('commitment')
        .filter({ hasText: '20 个高频事项实现全程网办' })
        .getByText('Kept', { exact: true })
        .waitFor();
    });
  });
});
