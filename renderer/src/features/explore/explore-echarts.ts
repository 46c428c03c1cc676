import { HeatmapChart } from 'echarts/charts';
import { LegendScrollComponent, VisualMapContinuousComponent } from 'echarts/components';
import { echarts } from '../../lib/echarts';

// lib/echarts registers bar and line; the pivot chart also draws heatmaps (with their colour
// legend) and scrolls a legend of many series. Registration is global and idempotent.
echarts.use([HeatmapChart, VisualMapContinuousComponent, LegendScrollComponent]);
