import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { type FlagStatus, type FlagType, qualityFlagsQuery } from '../api/operations-queries.js';
import { Pager } from '../ui/Pager.js';
import { EmptyState, ErrorNote, inputClass, Skeleton } from '../ui/primitives.js';
import { FlagDecisionButtons } from './FlagDecisionButtons.js';
import { PairPassage } from './PairPassage.js';
import { ScanRunsPanel } from './ScanRunsPanel.js';

const PAGE_SIZE = 10;
const TABS: { type: FlagType; label: string }[] = [
  { type: 'near_duplicate', label: 'Near duplicates' },
  { type: 'short', label: 'Short articles' },
];

/** Duplicate scans, their pairs side by side, and short articles; each flag is decided here. */
export function QualityPage({ siteId }: { siteId: string }) {
  const [type, setType] = useState<FlagType>('near_duplicate');
  const [status, setStatus] = useState<FlagStatus>('open');
  const [page, setPage] = useState(0);
  const flags = useQuery(qualityFlagsQuery(siteId, type, status, page, PAGE_SIZE));
  return (
    <section aria-labelledby="quality-heading" className="space-y-4">
      <h1 id="quality-heading" className="text-2xl font-bold text-slate-900">
        Quality
      </h1>
      <ScanRunsPanel siteId={siteId} />
      <div className="flex flex-wrap items-end gap-3">
        <fieldset className="flex gap-1">
          <legend className="sr-only">Flag type</legend>
          {TABS.map((tab) => (
            <button
              key={tab.type}
              type="button"
              aria-pressed={type === tab.type}
              onClick={() => {
                setType(tab.type);
                setPage(0);
              }}
              className="rounded-md px-3 py-2 text-sm font-medium text-slate-700 hover:bg-slate-100 aria-pressed:bg-indigo-50 aria-pressed:text-indigo-800"
            >
              {tab.label}
            </button>
          ))}
        </fieldset>
        <div>
          <label htmlFor="flag-status" className="block text-sm font-medium text-slate-900">
            Status
          </label>
          <select
            id="flag-status"
            value={status}
            onChange={(event) => {
              setStatus(event.target.value as FlagStatus);
              setPage(0);
            }}
            className={inputClass}
          >
            <option value="open">Open</option>
            <option value="resolved">Resolved</option>
            <option value="ignored">Dismissed</option>
          </select>
        </div>
      </div>
      {flags.isPending ? (
        <Skeleton label="Loading quality flags" />
      ) : flags.isError ? (
        <ErrorNote error={flags.error} />
      ) : flags.data.data.length === 0 ? (
        <EmptyState title={type === 'short' ? 'No short articles here' : 'No duplicate pairs here'}>
          A duplicate scan (Jobs) and article generation add flags when they find something.
        </EmptyState>
      ) : type === 'near_duplicate' ? (
        <ul className="space-y-4" aria-label="Duplicate pairs">
          {flags.data.data.map((flag) => (
            <li
              key={flag.id}
              className="space-y-3 rounded-lg border border-slate-200 bg-white p-4"
              data-testid="pair"
            >
              <p className="text-sm text-slate-800">
                Similarity <strong>{Math.round((flag.score ?? 0) * 100)}%</strong> · flagged{' '}
                {new Date(flag.date_created).toLocaleString()}
              </p>
              <div className="grid gap-3 md:grid-cols-2">
                <PairPassage side={flag.article} position="Earlier" />
                {flag.other ? <PairPassage side={flag.other} position="Newer" /> : null}
              </div>
              {flag.status === 'open' ? (
                <FlagDecisionButtons
                  siteId={siteId}
                  flagId={flag.id}
                  resolveLabel="Resolve: newer back to review"
                  subject={flag.other?.title ?? flag.article.title}
                />
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <ul
          className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white"
          aria-label="Short articles"
        >
          {flags.data.data.map((flag) => (
            <li key={flag.id} className="flex flex-wrap items-center justify-between gap-3 p-3">
              <div className="min-w-0">
                <p className="break-words font-medium text-slate-900">{flag.article.title}</p>
                <p className="text-sm text-slate-700">
                  {flag.score ?? flag.article.word_count} words
                  {flag.target_word_count ? ` of ${flag.target_word_count} asked for` : ''} ·{' '}
                  {flag.article.status}
                </p>
              </div>
              {flag.status === 'open' ? (
                <FlagDecisionButtons
                  siteId={siteId}
                  flagId={flag.id}
                  resolveLabel="Accept as is"
                  subject={flag.article.title}
                />
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {flags.data ? (
        <Pager
          page={page}
          pageSize={PAGE_SIZE}
          total={flags.data.total}
          label="Quality flags"
          onPage={setPage}
        />
      ) : null}
    </section>
  );
}
