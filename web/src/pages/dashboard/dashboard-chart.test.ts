import { describe, expect, it } from 'vitest';
import type { DashboardDepartment } from '../../api/dashboard';
import { departmentBars } from './dashboard-chart';

const fig = (value: number | null, sample: number) => ({ value, sample, smallSample: sample < 10 });
const dept = (shortName: string, onTime: ReturnType<typeof fig>): DashboardDepartment => ({
  id: shortName,
  code: shortName,
  name: shortName,
  nameEn: null,
  shortName,
  shortNameEn: `${shortName} (en)`,
  figures: {
    on_time_rate: onTime,
    avg_working_days: fig(null, 0),
    satisfaction: fig(null, 0),
    complaint_reply_rate: fig(null, 0),
    visits_per_case: fig(null, 0),
  },
  commitments: { kept: 0, notKept: 0, pending: 0 },
  complaints: { tickets: 0, shown: false, onTimeReplyRate: null, resolutionRate: null },
  inspections: { inspections: 0, jointPct: null, findingsPct: null },
});

describe('department bars', () => {
  it('draws a bar over a small sample faded and starred, a large one plainly, in the order given from the top', () => {
    const option = departmentBars(
      [dept('市场监管', fig(80, 25)), dept('卫健委', fig(100, 3))],
      [{ measure: 'on_time_rate', name: '按时办结率', color: '#1677ff' }],
      '%',
    ) as {
      yAxis: { data: string[] };
      series: { data: { value: number; itemStyle: { opacity: number }; label: { formatter: string } }[] }[];
    };
    // ECharts draws categories bottom-up: the first department is last in the data.
    expect(option.yAxis.data).toEqual(['卫健委', '市场监管']);
    const [small, large] = option.series[0]!.data;
    expect(small!.label.formatter).toBe('100%*');
    expect(small!.itemStyle.opacity).toBeLessThan(1);
    expect(large!.label.formatter).toBe('80%');
    expect(large!.itemStyle.opacity).toBe(1);
  });

  it('labels the departments as it is told (the English short names on the English page)', () => {
    const option = departmentBars(
      [dept('市场监管', fig(80, 25))],
      [{ measure: 'on_time_rate', name: 'On time', color: '#1677ff' }],
      '%',
      (d) => d.shortNameEn ?? d.shortName,
    ) as { yAxis: { data: string[] } };
    expect(option.yAxis.data).toEqual(['市场监管 (en)']);
  });
});
