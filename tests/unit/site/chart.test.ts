import { describe, expect, it } from 'vitest';
import { describeChart, layoutBarChart } from '@/domain/chart';

const groups = [
  {
    label: '2017',
    bars: [
      { series: 'children recovered', value: 84, text: '84', href: '#a' },
      { series: 'traffickers arrested', value: 120, text: '120', href: '#b' },
    ],
  },
  { label: '2019', bars: [{ series: 'children recovered', value: 30, text: 'about 30', href: '#c' }] },
];

describe('bar chart layout', () => {
  it('scales bars to the largest value and keeps series colours stable', () => {
    const layout = layoutBarChart(groups)!;
    const bars = layout.rows.filter((row) => row.kind === 'bar');
    expect(layout.max).toBe(120);
    expect(bars.map((bar) => bar.widthPercent)).toEqual([70, 100, 25]);
    expect(bars.map((bar) => bar.seriesIndex)).toEqual([0, 1, 0]);
    expect(layout.series).toEqual(['children recovered', 'traffickers arrested']);
  });

  it('stacks rows downwards without overlap and sizes the chart to fit them', () => {
    const layout = layoutBarChart(groups)!;
    const ys = layout.rows.map((row) => (row.kind === 'bar' ? row.barY : row.textY));
    expect([...ys].sort((a, b) => a - b)).toEqual(ys);
    const last = layout.rows.at(-1)!;
    expect(last.kind === 'bar' && last.barY + last.barHeight).toBeLessThanOrEqual(layout.height);
  });

  it('draws a sliver for zero and nothing at all for no data', () => {
    const layout = layoutBarChart([{ label: '2020', bars: [{ series: 's', value: 0, text: 'no', href: '#' }] }])!;
    expect(layout.rows.find((row) => row.kind === 'bar')).toMatchObject({ widthPercent: 0.5 });
    expect(layoutBarChart([])).toBeNull();
    expect(layoutBarChart([{ label: '2020', bars: [] }])).toBeNull();
  });

  it('describes the chart in words with the figures as written', () => {
    expect(describeChart(groups)).toBe('2017: 84 children recovered, 120 traffickers arrested; 2019: about 30 children recovered.');
  });
});
