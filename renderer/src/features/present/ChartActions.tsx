import type { EChartsCoreOption } from 'echarts/core';
import { ChartImageMenu } from './ChartImageMenu';
import type { SlideView } from '../../../../shared/domain/present/deck';
import { PinActions } from './PinActions';
import { defaultTitle } from './slide-catalog';
import { periodOf } from './chart-image';

type ChartActionsProps = {
  /** What a slide pinned from here shows: the chart and its parameters, never its numbers. */
  view: SlideView;
  /** The option the card draws, exported as it is. */
  option: EChartsCoreOption;
  /** The months the chart draws, for the period in the image's footnote and file name. */
  months: readonly { month: string }[];
};

/**
 * "Pin to deck" and "Export image" for one chart card: one line in the card, floated to its top
 * right. Pinning adds a slide to the current deck (see the Present page); the image is the card's
 * own option with a title and a footnote naming the workspace and the period.
 */
export function ChartActions({ view, option, months }: ChartActionsProps) {
  const title = defaultTitle(view);
  const period = periodOf(
    months.map((m) => m.month),
    view.view === 'scenario-cost',
  );
  return <PinActions view={view} what="chart">{(say) => <ChartImageMenu option={option} title={title} period={period} onMessage={say} />}</PinActions>;
}
