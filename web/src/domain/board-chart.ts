import type { EChartsCoreOption } from 'echarts/core';
import type { Board, BoardRow } from '../api/supervision-types';

export const BOARD_SERIES = [
  { key: 'red', colour: '#cf1322' },
  { key: 'yellow', colour: '#faad14' },
  { key: 'green', colour: '#52c41a' },
  { key: 'paused', colour: '#8c8c8c' },
] as const;

export type BoardKey = (typeof BOARD_SERIES)[number]['key'];

/** A count as drawn and read out: anything missing or not a number counts as none. */
const count = (n: number | null | undefined) => (typeof n === 'number' && Number.isFinite(n) ? n : 0);
const total = (r: BoardRow) => count(r.red) + count(r.yellow) + count(r.green) + count(r.paused);

/** Departments that have open clocks, the most urgent first (red, then yellow, then all). */
export function boardRows(board: Board): BoardRow[] {
  return board.departments
    .filter((r) => total(r) > 0)
    .sort((a, b) => b.red - a.red || b.yellow - a.yellow || total(b) - total(a));
}

/**
 * What a screen reader reads in place of the chart, in the page's language. ECharts' own description
 * lists the stack's internal values (NaN for an empty stack) and is English only, so the text is ours.
 */
export function boardDescription(
  rows: BoardRow[],
  label: (key: BoardKey) => string,
  deptName: (r: BoardRow) => string,
  line: (name: string, counts: string) => string,
  sep: string,
): string {
  return rows
    .map((r) => line(deptName(r), BOARD_SERIES.map((s) => `${label(s.key)} ${count(r[s.key])}`).join(sep)))
    .join('; ');
}

/**
 * The yellow/red board as a horizontal stacked bar, one bar per department. Rows are drawn bottom-up
 * by ECharts, so they are reversed to read top-down.
 */
export function boardOption(
  rows: BoardRow[],
  label: (key: BoardKey) => string,
  deptName: (r: BoardRow) => string,
  description: string,
): EChartsCoreOption {
  const ordered = [...rows].reverse();
  return {
    aria: { enabled: true, label: { description } },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: ordered.map(deptName) },
    series: BOARD_SERIES.map((s) => ({
      id: s.key,
      name: label(s.key),
      type: 'bar',
      stack: 'clocks',
      itemStyle: { color: s.colour },
      emphasis: { focus: 'series' },
      data: ordered.map((r) => count(r[s.key])),
    })),
  };
}
