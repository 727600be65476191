import { describe, expect, it } from 'vitest';
import type { ItemSummary } from '../api/types';
import type { Board } from '../api/supervision-types';
import { boardOption, boardRows } from './board-chart';
import { groupDays } from './calendar-days';
import { countLifeEvents } from './life-events';
import { clockLabel } from './clock-label';
import { CLOCK_LABEL_PREFIXES, FEE_FORM_WORD } from '../../../src/modules/clock/clock-labels';
import i18n from '../i18n';

describe('calendar runs', () => {
  it('groups consecutive days of one holiday and keeps makeup workdays apart', () => {
    const d = (date: string, kind: 'holiday' | 'makeup_workday', name = '国庆节') => ({
      date,
      kind,
      name,
      source: 's',
    });
    const runs = groupDays([
      d('2026-10-02', 'holiday'),
      d('2026-10-01', 'holiday'),
      d('2026-10-03', 'holiday'),
      d('2026-10-10', 'makeup_workday'),
      d('2026-09-25', 'holiday', '中秋'),
      d('2026-09-27', 'holiday', '中秋'),
    ]);
    expect(runs).toEqual([
      { name: '中秋', kind: 'holiday', from: '2026-09-25', to: '2026-09-25', days: 1 },
      { name: '中秋', kind: 'holiday', from: '2026-09-27', to: '2026-09-27', days: 1 },
      { name: '国庆节', kind: 'holiday', from: '2026-10-01', to: '2026-10-03', days: 3 },
      { name: '国庆节', kind: 'makeup_workday', from: '2026-10-10', to: '2026-10-10', days: 1 },
    ]);
  });
});

describe('life events', () => {
  it('counts items per life event in the catalogue order, unknown ones last', () => {
    const item = (lifeEvents: string[]) => ({ lifeEvents }) as ItemSummary;
    expect(countLifeEvents([item(['就业', '开办企业']), item(['开办企业']), item(['新主题'])])).toEqual([
      { name: '开办企业', count: 2 },
      { name: '就业', count: 1 },
      { name: '新主题', count: 1 },
    ]);
  });
});

describe('the red/yellow board chart', () => {
  const board: Board = {
    totals: { green: 5, yellow: 2, red: 3, paused: 1 },
    departments: [
      { departmentId: 'a', code: 'A', name: '甲局', green: 5, yellow: 0, red: 0, paused: 0 },
      { departmentId: 'b', code: 'B', name: '乙局', green: 0, yellow: 2, red: 3, paused: 1 },
      { departmentId: 'c', code: 'C', name: '丙局', green: 0, yellow: 0, red: 0, paused: 0 },
    ],
  };

  it('keeps departments with open clocks, the most red first', () => {
    expect(boardRows(board).map((r) => r.code)).toEqual(['B', 'A']);
  });

  it('stacks red, yellow, green and paused per department, top row first', () => {
    const option = boardOption(
      boardRows(board),
      (k) => k.toUpperCase(),
      (r) => r.name!,
      '2 departments',
    ) as {
      aria: { label: { description: string } };
      yAxis: { data: string[] };
      series: { id: string; name: string; stack: string; data: number[] }[];
    };
    expect(option.yAxis.data).toEqual(['甲局', '乙局']); // drawn bottom-up: 乙局 (most red) on top
    expect(option.series.map((s) => [s.id, s.name, s.stack])).toEqual([
      ['red', 'RED', 'clocks'],
      ['yellow', 'YELLOW', 'clocks'],
      ['green', 'GREEN', 'clocks'],
      ['paused', 'PAUSED', 'clocks'],
    ]);
    expect(option.series.find((s) => s.id === 'red')!.data).toEqual([0, 3]);
    expect(option.series.find((s) => s.id === 'green')!.data).toEqual([5, 0]);
    expect(option.aria.label.description).toBe('2 departments');
  });
});

describe('clock labels', () => {
  const en = i18n.getFixedT('en');
  it('say what is timed in English, and leave the matter as it was written', () => {
    expect(clockLabel('受理审查：食品经营许可（QH20260000001）', en, 'en')).toBe(
      'Acceptance review: 食品经营许可（QH20260000001）',
    );
    expect(clockLabel('受理审查（补正后）：食品经营许可（QH20260000001）', en, 'en')).toBe(
      'Acceptance review (after the supplement): 食品经营许可（QH20260000001）',
    );
    expect(clockLabel('督办答复：送达：食品经营许可（QH20260000001）', en, 'en')).toBe(
      'Answer to a supervision order: Certificate delivery: 食品经营许可（QH20260000001）',
    );
    expect(clockLabel('退费审批（财政部门）：缴款书JK202600000001', en, 'en')).toBe(
      'Refund approval (finance bureau): payment form JK202600000001',
    );
    expect(clockLabel('首问（移交）：护照加急怎么办？', en, 'en')).toBe(
      'First inquiry (handed over): 护照加急怎么办？',
    );
    expect(clockLabel('食品经营许可（QH20260000001）', en, 'en')).toBe('食品经营许可（QH20260000001）');
  });
  it('are shown as written in Chinese', () => {
    const zh = i18n.getFixedT('zh-CN');
    expect(clockLabel('督办答复：送达：食品经营许可（QH1）', zh, 'zh-CN')).toBe(
      '督办答复：送达：食品经营许可（QH1）',
    );
  });
  it('say every prefix the server writes in English (the table is the server’s own)', () => {
    for (const [key, zh] of Object.entries(CLOCK_LABEL_PREFIXES)) {
      const said = clockLabel(`${zh}X`, en, 'en');
      expect(said, key).not.toContain(zh);
      expect(said, key).toBe(`${en(`clockLabel.${key}`)}: X`);
      expect(en(`clockLabel.${key}`), key).not.toBe(`clockLabel.${key}`);
    }
    // src/modules/fees/refunds/refund-clock.ts writes the step, then 缴款书 and the form's number
    expect(clockLabel(`${CLOCK_LABEL_PREFIXES.refundPayment}${FEE_FORM_WORD}JK1`, en, 'en')).toBe(
      'Refund payment: payment form JK1',
    );
  });
});
