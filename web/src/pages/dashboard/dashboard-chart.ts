import type { EChartsCoreOption } from 'echarts/core';
import type { DashboardDepartment, DashboardMeasure } from '../../api/dashboard';

/**
 * Horizontal bars, one row per department (names stay readable on a phone), one series per
 * measure. A bar over a small sample is drawn faded and its label carries a "*".
 */
export function departmentBars(
  departments: DashboardDepartment[],
  series: { measure: DashboardMeasure; name: string; color: string }[],
  unit: string,
  /** The department's label: its short name in the page's language (localShortName). */
  label: (d: DashboardDepartment) => string = (d) => d.shortName,
): EChartsCoreOption {
  const rows = [...departments].reverse();
  return {
    aria: { enabled: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 8, right: 40, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'value', axisLabel: { formatter: `{value}${unit}` } },
    yAxis: {
      type: 'category',
      data: rows.map(label),
      axisLabel: { width: 90, overflow: 'truncate' },
    },
    series: series.map((s) => ({
      name: s.name,
      type: 'bar',
      itemStyle: { color: s.color },
      label: { show: true, position: 'right', fontSize: 11 },
      data: rows.map((d) => {
        const f = d.figures[s.measure];
        return {
          value: f.value,
          itemStyle: { opacity: f.smallSample ? 0.45 : 1 },
          label: { formatter: f.value === null ? '' : `${f.value}${unit}${f.smallSample ? '*' : ''}` },
        };
      }),
    })),
  };
}
