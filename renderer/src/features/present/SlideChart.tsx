import { useEffect, useRef, useState } from 'react';
import type { EChartsCoreOption } from 'echarts/core';
import { EChart } from '../../components/EChart';
// Pinned Explore pivots may be heatmaps, with a colour legend and a scrolling legend of many series.
import '../explore/explore-echarts';

/** The size the charts are designed at on their pages; a slide draws the same chart larger. */
const BASE_WIDTH = 760;
const BASE_HEIGHT = 260;
const MAX_ZOOM = 3;

/**
 * A page's chart enlarged to fill the slide. echarts draws at the box's size divided by `zoom` and
 * CSS zoom scales the SVG back up, so axis labels, legend, lines and bars all grow together (the
 * options set 11–12 px text, unreadable across a room at 1:1). SVG stays sharp at any zoom.
 */
export function SlideChart({ option, label, testId }: { option: EChartsCoreOption; label: string; testId: string }) {
  const boxRef = useRef<HTMLDivElement>(null);
  const [box, setBox] = useState<{ width: number; height: number } | null>(null);

  useEffect(() => {
    const element = boxRef.current;
    if (element === null) return;
    const observer = new ResizeObserver((entries) => {
      const rect = entries[0]?.contentRect;
      if (rect !== undefined && rect.width > 0 && rect.height > 0) setBox({ width: rect.width, height: rect.height });
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const zoom = box === null ? 1 : Math.max(1, Math.min(MAX_ZOOM, box.width / BASE_WIDTH, box.height / BASE_HEIGHT));
  return (
    <div ref={boxRef} className="slide-chart-box">
      {box !== null && (
        <div className="slide-chart-zoom" style={{ zoom, width: box.width / zoom, height: box.height / zoom }} data-zoom={zoom.toFixed(2)}>
          <EChart option={option} label={label} testId={testId} className="slide-chart" />
        </div>
      )}
    </div>
  );
}
