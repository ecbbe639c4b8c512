import type { WorklogPage } from '@spark/contracts/api';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { worklogQueryOptions } from '../api/operations-queries.js';
import { Button, EmptyState, ErrorNote, inputClass, Skeleton } from '../ui/primitives.js';
import { describeDetails, NO_FILTERS, type WorklogFilters, worklogQuery } from './worklog-view.js';

const PAGE_SIZE = 25;
type Entry = WorklogPage['data'][number];

function EntryDetail({ entry }: { entry: Entry }) {
  const { changes, context } = describeDetails(entry.details);
  return (
    <div className="space-y-3 px-3 pb-3 text-sm text-slate-800">
      {changes.length ? (
        <table className="w-full table-fixed text-left">
          <caption className="sr-only">Changed fields</caption>
          <thead>
            <tr>
              <th scope="col" className="w-1/4 py-1">
                Field
              </th>
              <th scope="col" className="py-1">
                Before
              </th>
              <th scope="col" className="py-1">
                After
              </th>
            </tr>
          </thead>
          <tbody>
            {changes.map((row) => (
              <tr key={row.field} className="align-top">
                <td className="break-words py-1 font-medium">{row.field}</td>
                <td className="break-words bg-red-50 py-1 text-red-900">{row.before}</td>
                <td className="break-words bg-green-50 py-1 text-green-900">{row.after}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>No field changes recorded.</p>
      )}
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
        {[
          { key: 'Entity', value: `${entry.entity_type ?? '—'} ${entry.entity_id ?? ''}` },
          { key: 'User', value: entry.user_id ?? 'system' },
          ...context,
        ].map((item) => (
          <div key={item.key} className="contents">
            <dt className="font-medium">{item.key}</dt>
            <dd className="break-all">{item.value}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

/** The site's work log, newest first: filters, cursor pages (stable while entries arrive), a diff per entry. */
export function WorklogPanel({ siteId }: { siteId: string }) {
  const [draft, setDraft] = useState<WorklogFilters>(NO_FILTERS);
  const [filters, setFilters] = useState<WorklogFilters>(NO_FILTERS);
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const cursor = cursors.at(-1) ?? null;
  const log = useQuery(worklogQueryOptions(siteId, worklogQuery(siteId, filters, cursor, PAGE_SIZE)));
  const apply = (event: FormEvent) => {
    event.preventDefault();
    setFilters(draft);
    setCursors([null]);
  };
  const set = (key: keyof WorklogFilters) => (event: { target: { value: string } }) =>
    setDraft({ ...draft, [key]: event.target.value });
  return (
    <section aria-labelledby="worklog-heading" className="space-y-3">
      <h2 id="worklog-heading" className="text-xl font-semibold text-slate-900">
        Work log
      </h2>
      <form
        onSubmit={apply}
        className="grid gap-3 sm:grid-cols-3 lg:grid-cols-6"
        aria-label="Work log filters"
      >
        {(
          [
            ['action', 'Action', 'text'],
            ['userId', 'User id', 'text'],
            ['from', 'From', 'date'],
            ['to', 'To', 'date'],
          ] as const
        ).map(([key, label, type]) => (
          <div key={key}>
            <label htmlFor={`worklog-${key}`} className="block text-sm font-medium text-slate-900">
              {label}
            </label>
            <input
              id={`worklog-${key}`}
              type={type}
              value={draft[key]}
              onChange={set(key)}
              className={inputClass}
            />
          </div>
        ))}
        <div>
          <label htmlFor="worklog-level" className="block text-sm font-medium text-slate-900">
            Level
          </label>
          <select id="worklog-level" value={draft.level} onChange={set('level')} className={inputClass}>
            <option value="">Any</option>
            <option value="debug">Debug</option>
            <option value="info">Info</option>
            <option value="warning">Warning</option>
            <option value="error">Error</option>
          </select>
        </div>
        <div className="flex items-end">
          <Button type="submit" tone="primary" className="w-full">
            Apply filters
          </Button>
        </div>
      </form>
      {log.isPending ? (
        <Skeleton label="Loading the work log" />
      ) : log.isError ? (
        <ErrorNote error={log.error} />
      ) : log.data.data.length === 0 ? (
        <EmptyState title="No entries match">Change or clear the filters.</EmptyState>
      ) : (
        <ul
          className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white"
          data-testid="worklog"
        >
          {log.data.data.map((entry) => (
            <li key={entry.id} data-testid="worklog-entry">
              <details>
                <summary className="flex cursor-pointer flex-wrap gap-x-3 gap-y-1 p-3 text-sm text-slate-800">
                  <time dateTime={entry.timestamp} className="whitespace-nowrap">
                    {new Date(entry.timestamp).toLocaleString()}
                  </time>
                  <span className="font-medium uppercase text-slate-700">{entry.level}</span>
                  <span className="break-all font-medium text-slate-900">{entry.action}</span>
                  <span className="break-all">{entry.entity_type ?? ''}</span>
                </summary>
                <EntryDetail entry={entry} />
              </details>
            </li>
          ))}
        </ul>
      )}
      <nav aria-label="Work log pages" className="flex justify-between gap-2">
        <Button disabled={cursors.length === 1} onClick={() => setCursors(cursors.slice(0, -1))}>
          Newer
        </Button>
        <Button
          disabled={!log.data?.next_cursor}
          onClick={() => log.data?.next_cursor && setCursors([...cursors, log.data.next_cursor])}
        >
          Older
        </Button>
      </nav>
    </section>
  );
}
