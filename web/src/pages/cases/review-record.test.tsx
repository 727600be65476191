import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import { renderApp } from '../../test/render';
import { sketch } from '../../test/sketch';
import type { CaseView } from '../../api/cases';
import { RecordLine, ReviewRecord } from './ReviewRecord';

type Rec = CaseView['records'][number];
const SCJ = { id: 'd-scj', code: 'SCJ', name: '市市场监管局' };

describe('the review record on a case', () => {
  it('shows each opinion, verification and extension with department, person, reason and decision', async () => {
    const records = sketch<Rec[]>([
      {
        id: 'r1',
        kind: 'opinion',
        text: '经营场所布局合理，同意',
        data: {},
        status: 'final',
        authorName: '李审',
        department: SCJ,
        createdAt: '2026-12-01T02:00:00.000Z',
      },
      {
        id: 'r2',
        kind: 'site_verification',
        text: '冷库温控正常',
        data: {
          date: '2026-12-02',
          staff: [
            { id: 'a', name: '李审' },
            { id: 'b', name: '周审' },
          ],
        },
        status: 'final',
        authorName: '李审',
        department: SCJ,
        createdAt: '2026-12-02T02:00:00.000Z',
      },
      {
        id: 'r3',
        kind: 'extension_request',
        text: '需补充检验',
        data: { days: 3, note: '期限内可完成' },
        status: 'rejected',
        authorName: '李审',
        deciderName: '梁静怡',
        department: SCJ,
        createdAt: '2026-12-03T02:00:00.000Z',
      },
    ]);
    renderApp(<ReviewRecord records={records} />);
    expect(await screen.findByText('经营场所布局合理，同意')).toBeTruthy();
    expect(screen.getAllByText(/市市场监管局 · 李审 · /)).toHaveLength(3);
    expect(screen.getByText(/核查人员 李审、周审/)).toBeTruthy();
    expect(screen.getByText('理由：需补充检验')).toBeTruthy();
    expect(screen.getByText('3 个工作日')).toBeTruthy();
    expect(screen.getByText('未批准')).toBeTruthy();
    expect(screen.getByText(/审批人：梁静怡 审批意见：期限内可完成/)).toBeTruthy();
  });

  it('shows nothing when the server sent no record (an applicant, or nothing written yet)', () => {
    const { container } = renderApp(<ReviewRecord records={[]} />);
    expect(container.querySelector('section')).toBeNull();
  });

  it('gives a history entry its text, department and author', async () => {
    const record = sketch<Rec>({
      id: 'r1',
      kind: 'opinion',
      text: '经营场所布局合理，同意',
      authorName: '李审',
      department: SCJ,
    });
    const { container } = renderApp(<RecordLine record={record} />);
    expect(container.textContent).toBe(' · 市市场监管局 李审：经营场所布局合理，同意');
  });
});
