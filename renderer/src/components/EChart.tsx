import { useEffect, useRef, type HTMLAttributes } from 'react';
import type { EChartsCoreOption } from 'echarts/core';
import { echarts } from '../lib/echarts';

type EChartProps = {
  option: EChartsCoreOption;
  className?: string;
  /** What the chart shows, for screen readers (the figures should also be in a table beside it). */
  label: string;
  testId?: string;
  /** Pixels, when the chart's height depends on its data (a bar per row); otherwise the CSS class sets it. */
  height?: number;
} & Pick<HTMLAttributes<HTMLDivElement>, 'aria-describedby'> & { [data: `data-${string}`]: string | number | undefined };

/**
 * An echarts chart in a div: one instance per mount (SVG renderer), resized with its box, given a
 * new option without merging, disposed on unmount so SVG nodes and listeners do not leak.
 */
export function EChart({ option, className, label, testId, height, ...rest }: EChartProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const chartRef = useRef<ReturnType<typeof echarts.init> | null>(null);

  useEffect(() => {
    const element = containerRef.current;
    if (element === null) return;
    const chart = echarts.init(element, undefined, { renderer: 'svg' });
    chartRef.current = chart;
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      chart.dispose();
      chartRef.current = null;
    };
  }, []);

  useEffect(() => {
    chartRef.current?.setOption(option, { notMerge: true });
  }, [option]);

  return <div ref={containerRef} className={`chart${className ? ` ${className}` : ''}`} role="img" aria-label={label} data-testid={testId} style={height === undefined ? undefined : { height }} {...rest} />;
}
