import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import i18n from '../i18n';
import { renderApp } from '../test/render';
import { sketch } from '../test/sketch';
import type { Tracking } from '../api/services';
import { TrackResult } from './TrackResult';
import { stepOf } from './TrackSteps';

const base = sketch<Tracking>({
  receiptNo: 'QH20260000001',
  title: '食品经营许可',
  state: 'received',
  stage: { zh: '已收件', en: 'Received' },
  applicant: { name: null, id: null },
  leadDepartment: null,
  departments: [],
  documents: [],
  deadline: null,
  result: null,
  fees: null,
  colour: 'green',
  latestHash: 'ab'.repeat(32),
  checkedAt: '2026-12-01T02:00:00.000Z',
});

describe("a citizen's view of progress", () => {
  it('shows the steps, the acceptance promise before acceptance, plain words for the colour, no bare hash', async () => {
    await i18n.changeLanguage('zh-CN');
    renderApp(<TrackResult tracking={base} />);
    expect(screen.getByText('提交申请')).toBeTruthy();
    expect(screen.getByText('作出决定')).toBeTruthy();
    expect(screen.getByText(/收件后 5 个工作日内决定是否受理/)).toBeTruthy();
    expect(screen.getByText('按时办理中')).toBeTruthy();
    expect(screen.queryByText(/绿灯|存证哈希|计时中|已停止/)).toBeNull();
    expect(screen.getByText('办理记录已存证（可下载核验）')).toBeTruthy();
  });

  it('invites a rating of a completed case, with a link to the rating page', async () => {
    await i18n.changeLanguage('zh-CN');
    renderApp(
      <TrackResult
        tracking={
          {
            ...base,
            state: 'completed',
            colour: null,
            result: { decision: 'approved', completedAt: '2026-12-10T02:00:00.000Z' },
          } as Tracking
        }
      />,
    );
    const link = screen.getByRole('link', { name: '评价本次服务' });
    expect(link.getAttribute('href')).toBe('/rate/QH20260000001');
  });

  it('places every state on a step', () => {
    expect(stepOf('under_review').current).toBe(2);
    expect(stepOf('completed').current).toBe(4);
    expect(stepOf('not_accepted')).toEqual({ current: 1, ended: 'not_accepted' });
  });
});
