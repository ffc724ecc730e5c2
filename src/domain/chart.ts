/**
 * Geometry for the build-time bar charts on operation pages. Bars are
 * horizontal and sized in percent of the chart's width, so the SVG needs no
 * viewBox scaling: its text keeps the page's font size from 320 px up.
 */

export interface ChartBarInput {
  /** What the bar measures ('children recovered'); bars of one series share a colour. */
  series: string;
  value: number;
  /** The figure as written ('more than 6,600'). */
  text: string;
  /** Link to the sentence the figure came from, for the table fallback. */
  href: string;
}

export interface ChartGroupInput {
  /** The group heading, a year. */
  label: string;
  bars: ChartBarInput[];
}

export interface ChartGroupRow {
  kind: 'group';
  label: string;
  /** Baseline of the heading text. */
  textY: number;
}

export interface ChartBarRow {
  kind: 'bar';
  series: string;
  /** Index into `series`, for the colour class. */
  seriesIndex: number;
  text: string;
  value: number;
  /** Baseline of the label above the bar. */
  textY: number;
  barY: number;
  barHeight: number;
  /** Bar length in percent of the chart width, at least a sliver so zero still shows. */
  widthPercent: number;
}

export interface ChartLayout {
  height: number;
  rows: (ChartGroupRow | ChartBarRow)[];
  /** Distinct series in order of first appearance. */
  series: string[];
  /** The largest value: the full-width bar. */
  max: number;
}

const groupHeight = 30;
const labelHeight = 20;
const barHeight = 14;
const rowGap = 10;

/** Lays out grouped horizontal bars; returns null when there is nothing to draw. */
export function layoutBarChart(groups: readonly ChartGroupInput[]): ChartLayout | null {
  const bars = groups.flatMap((group) => group.bars);
  if (bars.length === 0) return null;
  const max = Math.max(...bars.map((bar) => bar.value));
  const series: string[] = [];
  const rows: ChartLayout['rows'] = [];
  let y = 0;
  for (const group of groups) {
    if (group.bars.length === 0) continue;
    y += groupHeight;
    rows.push({ kind: 'group', label: group.label, textY: y - 8 });
    for (const bar of group.bars) {
      if (!series.includes(bar.series)) series.push(bar.series);
      const textY = y + labelHeight - 5;
      const barY = y + labelHeight;
      const widthPercent = max === 0 ? 0.5 : Math.max(0.5, Math.round((bar.value / max) * 1000) / 10);
      rows.push({
        kind: 'bar',
        series: bar.series,
        seriesIndex: series.indexOf(bar.series),
        text: bar.text,
        value: bar.value,
        textY,
        barY,
        barHeight,
        widthPercent,
      });
      y += labelHeight + barHeight + rowGap;
    }
  }
  return { height: y, rows, series, max };
}

/** A one-sentence text form of the chart for its `<desc>`. */
export function describeChart(groups: readonly ChartGroupInput[]): string {
  return groups
    .filter((group) => group.bars.length > 0)
    .map((group) => `${group.label}: ${group.bars.map((bar) => `${bar.text} ${bar.series}`).join(', ')}`)
    .join('; ')
    .concat('.');
}
