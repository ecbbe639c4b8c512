import type { AnalyticsReport } from '@spark/contracts/admin';
import type { DayRange } from '@spark/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorNote, Skeleton } from '../ui/primitives.js';
import { NumberTable } from './charts/DataTable.js';
import { RankedBars } from './charts/RankedBars.js';
import { TrendChart, type TrendSeries } from './charts/TrendChart.js';
import { presetRange } from './date-range.js';
import { analyticsQuery } from './insights.queries.js';
import { RangePicker } from './RangePicker.js';
import { StatCard } from './StatCard.js';

type Metric = 'visitors' | 'pageviews' | 'conversions';
const SERIES: TrendSeries<Metric>[] = [
  { metric: 'pageviews', label: 'Pageviews', color: '#4338ca' },
  { metric: 'visitors', label: 'Visitors', color: '#047857', dash: '6 4' },
  { metric: 'conversions', label: 'Conversions', color: '#b45309', dash: '2 3' },
];

/** What the tracker refuses to record, in words; the counts come from the tracking endpoints. */
const DROP_REASONS: Record<string, string> = {
  bot_user_agent: 'Known bots and crawlers',
  headless_browser: 'Headless or automated browsers',
  missing_user_agent: 'Calls without a user agent',
  do_not_track: 'Do Not Track / Global Privacy Control',
};

const shortDay = (day: string) =>
  new Date(`${day}T00:00:00Z`).toLocaleDateString('en', { month: 'short', day: 'numeric', timeZone: 'UTC' });
const shortHour = (hour: string) => `${shortDay(hour.slice(0, 10))} ${hour.slice(11, 16)}`;
/** Axis ticks of the hourly chart: the day at midnight, else only the time. */
const hourTick = (hour: string) =>
  hour.slice(11, 16) === '00:00' ? shortDay(hour.slice(0, 10)) : hour.slice(11, 16);

/** Traffic, sources, technology, events and conversions of the chosen site for a range of UTC days. */
export function AnalyticsPage({ siteId }: { siteId: string }) {
  const [range, setRange] = useState<DayRange>(() => presetRange('30d', new Date()));
  const report = useQuery(analyticsQuery(siteId, range));
  return (
    <section aria-labelledby="analytics-heading" className="space-y-6">
      <h1 id="analytics-heading" className="text-2xl font-bold text-slate-900">
        Analytics
      </h1>
      <RangePicker value={range} onChange={setRange} />
      {report.isPending ? (
        <Skeleton label="Loading analytics" lines={4} />
      ) : report.isError ? (
        <ErrorNote error={report.error} />
      ) : (
        <AnalyticsBody report={report.data} />
      )}
    </section>
  );
}

function AnalyticsBody({ report }: { report: AnalyticsReport }) {
  const { summary, current, previous } = report;
  // Rollup rows of events and conversions carry the traffic dimensions with zero pageviews: not worth a row.
  const ranked = (list: AnalyticsReport['summary']['top_pages'], by: Metric | 'events' = 'pageviews') =>
    list.map((entry) => ({ value: entry.value, count: entry[by] })).filter((entry) => entry.count > 0);
  const dropped = Object.entries(summary.dropped);
  return (
    <>
      <p className="text-sm text-slate-700">
        Compared with {previous.from} to {previous.to}, the period of the same length just before.
      </p>
      <dl className="grid grid-cols-2 gap-3 lg:grid-cols-4">
        <StatCard
          label="Visitors"
          value={summary.totals.visitors}
          previous={previous.visitors}
          testId="analytics-visitors"
        />
        <StatCard
          label="Pageviews"
          value={summary.totals.pageviews}
          previous={previous.pageviews}
          testId="analytics-pageviews"
        />
        <StatCard
          label="Conversions"
          value={summary.totals.conversions}
          previous={previous.conversions}
          testId="analytics-conversions"
        />
        <StatCard label="Leads" value={current.leads} previous={previous.leads} testId="analytics-leads" />
      </dl>
      <div className="rounded-lg border border-slate-200 bg-white p-4">
        {report.hourly ? (
          <TrendChart
            title="Visitors, pageviews and conversions per hour"
            keyLabel="Hour (UTC)"
            rows={report.hourly.map((hour) => ({
              ...hour,
              key: hour.hour,
              label: shortHour(hour.hour),
              tick: hourTick(hour.hour),
            }))}
            series={SERIES}
          />
        ) : (
          <TrendChart
            title="Visitors, pageviews and conversions per day"
            keyLabel="Day"
            rows={report.daily.map((day) => ({ ...day, key: day.day, label: shortDay(day.day) }))}
            series={SERIES}
          />
        )}
        <p className="mt-2 text-xs text-slate-700">
          Visitors are counted per day (per hour in the hourly view): visitor hashes rotate daily by design,
          so a person returning on another day counts again.
        </p>
      </div>
      <section className="rounded-lg border border-slate-200 bg-white p-4" aria-labelledby="funnel-heading">
        <h2 id="funnel-heading" className="mb-2 font-semibold text-slate-900">
          Funnel: pageview to lead
        </h2>
        <ol className="grid gap-2 sm:grid-cols-3">
          {report.funnel.map((step, i) => {
            const visitors = report.funnel[0]?.count ?? 0;
            const rate =
              i === 0 || visitors === 0
                ? ''
                : step.step === 'pageviews'
                  ? `${(step.count / visitors).toFixed(1)} per visitor`
                  : `${((step.count / visitors) * 100).toFixed(1)}% of visitors`;
            return (
              <li key={step.step} className="rounded bg-slate-50 p-3 text-sm">
                <span className="block font-medium capitalize text-slate-900">{step.step}</span>
                <span className="text-xl font-bold tabular-nums" data-testid={`funnel-${step.step}`}>
                  {step.count.toLocaleString('en')}
                </span>
                <span className="block text-xs text-slate-700">{rate}</span>
              </li>
            );
          })}
        </ol>
      </section>
      <div className="grid gap-4 lg:grid-cols-2">
        <RankedBars
          title="Top pages"
          valueLabel="Path"
          countLabel="Pageviews"
          entries={ranked(summary.top_pages)}
        />
        <RankedBars
          title="Referrers"
          valueLabel="Host"
          countLabel="Pageviews"
          entries={ranked(summary.referrers)}
        />
        <RankedBars
          title="UTM sources"
          valueLabel="Source"
          countLabel="Pageviews"
          entries={ranked(summary.utm_sources)}
        />
        <RankedBars
          title="UTM campaigns"
          valueLabel="Campaign"
          countLabel="Pageviews"
          entries={ranked(summary.utm_campaigns)}
        />
        <RankedBars
          title="Devices"
          valueLabel="Device"
          countLabel="Pageviews"
          entries={ranked(summary.devices)}
        />
        <RankedBars
          title="Browsers"
          valueLabel="Browser"
          countLabel="Pageviews"
          entries={ranked(summary.browsers)}
        />
        <RankedBars
          title="Events"
          valueLabel="Event"
          countLabel="Times"
          entries={ranked(summary.events, 'events')}
        />
        <RankedBars
          title="Conversions by type"
          valueLabel="Type"
          countLabel="Conversions"
          entries={ranked(summary.conversions, 'conversions')}
        />
      </div>
      <section className="rounded-lg border border-slate-200 bg-white p-4" aria-labelledby="props-heading">
        <h2 id="props-heading" className="mb-2 font-semibold text-slate-900">
          Event properties
        </h2>
        {report.event_props.length === 0 ? (
          <p className="text-sm text-slate-700">No event carried properties in this range.</p>
        ) : (
          <div className="overflow-x-auto">
            <NumberTable
              caption="The commonest event property values"
              columns={['Event', 'Property', 'Value', 'Times']}
              rows={report.event_props.map((p) => [p.event, p.prop, p.value, p.count])}
            />
          </div>
        )}
      </section>
      <section className="rounded-lg border border-slate-200 bg-white p-4" aria-labelledby="privacy-heading">
        <h2 id="privacy-heading" className="mb-2 font-semibold text-slate-900">
          Not counted
        </h2>
        <p className="text-sm text-slate-700">
          Countries are not stored: no IP address is kept and no location lookup runs, so there is no country
          report. Calls the tracker refused in this range:
        </p>
        {dropped.length === 0 ? (
          <p className="mt-2 text-sm text-slate-700" data-testid="dropped-none">
            none.
          </p>
        ) : (
          <ul className="mt-2 space-y-1 text-sm text-slate-900">
            {dropped.map(([reason, count]) => (
              <li key={reason}>
                {DROP_REASONS[reason] ?? reason}:{' '}
                <span className="tabular-nums">{count.toLocaleString('en')}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
