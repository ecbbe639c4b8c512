import { AxisBottom, AxisLeft } from '@visx/axis';
import { Group } from '@visx/group';
import { scaleLinear, scalePoint } from '@visx/scale';
import { LinePath } from '@visx/shape';
import { useId } from 'react';
import { DataTable } from './DataTable.js';

export interface TrendSeries<Metric extends string> {
  metric: Metric;
  label: string;
  color: string;
  /** A dash pattern, so the lines differ by more than colour. */
  dash?: string;
}

interface Props<Metric extends string> {
  title: string;
  /** The x position's name in the data table ("Day", "Hour"). */
  keyLabel: string;
  /** `label` names the point in the table; `tick`, if shorter, on the axis. */
  rows: ({ key: string; label: string; tick?: string } & Record<Metric, number>)[];
  series: TrendSeries<Metric>[];
}

// A fixed viewBox scaled by CSS: the same SVG renders on the server and in the browser, nothing is measured.
const WIDTH = 720;
const HEIGHT = 240;
const MARGIN = { top: 12, right: 16, bottom: 28, left: 48 };
const TICK_FILL = '#334155';

const compact = new Intl.NumberFormat('en', { notation: 'compact' });

/**
 * Lines over time, drawn with visx from a fixed viewBox. The SVG is an image whose description states what it
 * shows and its totals; every number it draws is in the data table below it, for screen readers and copying.
 */
export function TrendChart<Metric extends string>({ title, keyLabel, rows, series }: Props<Metric>) {
  const id = useId();
  const innerWidth = WIDTH - MARGIN.left - MARGIN.right;
  const innerHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const x = scalePoint<string>({ domain: rows.map((row) => row.key), range: [0, innerWidth] });
  const peak = Math.max(1, ...rows.flatMap((row) => series.map((s) => row[s.metric])));
  const y = scaleLinear<number>({ domain: [0, peak], range: [innerHeight, 0], nice: true });
  const ticks = new Map(rows.map((row) => [row.key, row.tick ?? row.label]));
  const every = Math.max(1, Math.ceil(rows.length / 8));
  const description = `${title}, ${rows[0]?.label ?? ''} to ${rows.at(-1)?.label ?? ''}: ${series
    .map((s) => `${s.label} ${rows.reduce((sum, row) => sum + row[s.metric], 0)} in total`)
    .join(', ')}. The table below lists every value.`;
  return (
    <figure className="space-y-2" aria-labelledby={`${id}-title`}>
      <figcaption id={`${id}-title`} className="font-semibold text-slate-900">
        {title}
      </figcaption>
      <ul className="flex flex-wrap gap-4 text-sm text-slate-800" aria-hidden="true">
        {series.map((s) => (
          <li key={s.metric} className="flex items-center gap-2">
            <svg width="24" height="8" aria-hidden="true">
              <line x1="0" y1="4" x2="24" y2="4" stroke={s.color} strokeWidth="3" strokeDasharray={s.dash} />
            </svg>
            {s.label}
          </li>
        ))}
      </ul>
      {/* Below ~36rem the chart scrolls sideways instead of shrinking its labels past reading. */}
      <section
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a region that scrolls sideways on a phone must be reachable by keyboard
        tabIndex={0}
        aria-label={`${title} (scrolls sideways on narrow screens)`}
        className="overflow-x-auto"
      >
        <svg
          viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
          className="h-auto w-full min-w-[36rem]"
          role="img"
          aria-label={title}
          aria-describedby={`${id}-desc`}
        >
          <desc id={`${id}-desc`}>{description}</desc>
          <Group left={MARGIN.left} top={MARGIN.top}>
            <AxisLeft
              scale={y}
              numTicks={4}
              tickFormat={(value) => compact.format(Number(value))}
              stroke={TICK_FILL}
              tickStroke={TICK_FILL}
              tickLabelProps={{ fill: TICK_FILL, fontSize: 12, textAnchor: 'end', dx: -4, dy: 4 }}
            />
            <AxisBottom
              top={innerHeight}
              scale={x}
              tickValues={rows.filter((_, i) => i % every === 0).map((row) => row.key)}
              tickFormat={(key) => ticks.get(key) ?? key}
              stroke={TICK_FILL}
              tickStroke={TICK_FILL}
              tickLabelProps={{ fill: TICK_FILL, fontSize: 12, textAnchor: 'middle' }}
            />
            {series.map((s) => (
              <LinePath
                key={s.metric}
                data={rows}
                x={(row) => x(row.key) ?? 0}
                y={(row) => y(row[s.metric])}
                stroke={s.color}
                strokeWidth={2.5}
                strokeDasharray={s.dash}
              />
            ))}
          </Group>
        </svg>
      </section>
      <DataTable
        caption={`${title}: the values`}
        columns={[keyLabel, ...series.map((s) => s.label)]}
        rows={rows.map((row) => [row.label, ...series.map((s) => row[s.metric])])}
      />
    </figure>
  );
}
