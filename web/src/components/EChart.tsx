import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { LegacyGridContainLabel } from 'echarts/features';
import { SVGRenderer } from 'echarts/renderers';
import type { EChartsCoreOption } from 'echarts/core';
import { usePrefersReducedMotion } from '../hooks/use-reduced-motion';

echarts.use([
  BarChart,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  AriaComponent,
  SVGRenderer,
  LegacyGridContainLabel,
]);

interface Props {
  option: EChartsCoreOption;
  height: number;
  /** Read by screen readers in place of the drawing. */
  label: string;
  onClick?: (params: { seriesId?: string; dataIndex: number }) => void;
}

/**
 * A small React wrapper around ECharts: init once, set the option on change, follow the width. Bars are
 * drawn without growing into place when the reader asked for less motion.
 */
export function EChart({ option, height, label, onClick }: Props) {
  const still = usePrefersReducedMotion();
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    if (!el.current) return;
    const c = echarts.init(el.current, undefined, { renderer: 'svg' });
    chart.current = c;
    const ro = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(() => c.resize());
    ro?.observe(el.current);
    return () => {
      ro?.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(still ? { ...option, animation: false } : option, { notMerge: true });
  }, [option, still]);

  useEffect(() => {
    const c = chart.current;
    if (!c || !onClick) return;
    c.on('click', onClick as never);
    return () => {
      // On unmount the first effect's cleanup has already disposed of the chart.
      if (!c.isDisposed()) c.off('click');
    };
  }, [onClick]);

  return <div ref={el} role="img" aria-label={label} style={{ width: '100%', height }} />;
}
