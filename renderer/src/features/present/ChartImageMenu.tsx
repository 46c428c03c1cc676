import { useEffect, useState } from 'react';
import type { EChartsCoreOption } from 'echarts/core';
import { MenuButton } from '../../components/MenuButton';
import { formatDate } from '../../lib/format';
import { errorMessage } from '../../lib/ipc';
import { appInfoResource } from '../workspace/workspace-store';
import { chartFootnote, exportChartImage, imageFileName, type ChartPeriod } from './chart-image';

type ChartImageMenuProps = {
  /** The option the card draws, exported as it is. */
  option: EChartsCoreOption;
  /** The image's title (and file name). */
  title: string;
  /** The months the figures cover, for the footnote and the file name; null when the chart has no period. */
  period: ChartPeriod | null;
  /** Where the outcome goes; left out, the menu shows it in its own status line. */
  onMessage?: (text: string) => void;
};

/**
 * "Export image" for any chart: PNG at 2× for slides, or SVG, with the chart's title above and a
 * footnote of its period and source below (chart-image.ts).
 */
export function ChartImageMenu({ option, title, period, onMessage }: ChartImageMenuProps) {
  const info = appInfoResource.useStore((s) => s.data);
  const [own, setOwn] = useState<string | null>(null);
  const say = onMessage ?? setOwn;

  useEffect(() => {
    if (own === null) return;
    const timer = setTimeout(() => setOwn(null), 8000);
    return () => clearTimeout(timer);
  }, [own]);

  const exportImage = (format: 'png' | 'svg') => {
    const footnote = chartFootnote(period, info, formatDate(new Date().toISOString()));
    exportChartImage(format, { option, title, footnote, fileName: imageFileName(title, period) }).then(
      (fileName) => say(`Saved ${fileName}.`),
      (error: unknown) => say(`Could not export the image: ${errorMessage(error)}`),
    );
  };

  const menu = (
    <MenuButton
      label="Export image"
      className="button button-small"
      testId="export-image"
      align="end"
      items={[
        { label: 'PNG (2×, for slides)', onSelect: () => exportImage('png'), testId: 'export-image-png' },
        { label: 'SVG (vector)', onSelect: () => exportImage('svg'), testId: 'export-image-svg' },
      ]}
    >
      Export image
    </MenuButton>
  );
  if (onMessage !== undefined) return menu;
  return (
    <div className="chart-actions" data-testid="chart-actions">
      {menu}
      <span className="chart-actions-status" role="status" data-testid="chart-actions-status">
        {own}
      </span>
    </div>
  );
}
