import type { LeadListRow } from '@spark/contracts/admin';
import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import { Pager } from '../ui/Pager.js';
import { EmptyState, ErrorNote, Skeleton } from '../ui/primitives.js';
import { LeadFilters } from './LeadFilters.js';
import { leadsQuery } from './leads.queries.js';
import { STATUS_LABELS, WEBHOOK_LABELS } from './status-labels.js';
import { exportPath, type LeadTableState, searchFromState, sortBy, stateFromSearch } from './table-state.js';

const PAGE_SIZE = 25;

const COLUMNS: { key: 'date_created' | 'name' | 'email' | 'status'; label: string }[] = [
  { key: 'date_created', label: 'Received' },
  { key: 'name', label: 'Name' },
  { key: 'email', label: 'Email' },
  { key: 'status', label: 'Status' },
];

function useTableState(): [LeadTableState, (next: LeadTableState) => void] {
  const [state, setState] = useState(() =>
    stateFromSearch(typeof window === 'undefined' ? '' : window.location.search),
  );
  useEffect(() => {
    const search = searchFromState(state);
    window.history.replaceState(null, '', `${window.location.pathname}${search ? `?${search}` : ''}`);
  }, [state]);
  return [state, setState];
}

function LeadRow({ lead }: { lead: LeadListRow }) {
  return (
    <tr>
      <td className="whitespace-nowrap px-3 py-2">{new Date(lead.date_created).toLocaleString()}</td>
      <td className="px-3 py-2">
        <a
          href={`/admin/leads/${lead.id}`}
          className="font-medium text-indigo-800 underline-offset-2 hover:underline"
        >
          {lead.name || lead.email || lead.phone || 'Unnamed lead'}
        </a>
      </td>
      <td className="px-3 py-2">{lead.email ?? '—'}</td>
      <td className="px-3 py-2" data-testid="lead-status">
        {STATUS_LABELS[lead.status]}
      </td>
      <td className="whitespace-nowrap px-3 py-2">{lead.phone ?? '—'}</td>
      <td className="px-3 py-2">{lead.form?.name ?? '—'}</td>
      <td className="px-3 py-2">{lead.utm_source ?? '—'}</td>
      <td className="px-3 py-2">{lead.webhook_status ? WEBHOOK_LABELS[lead.webhook_status] : '—'}</td>
    </tr>
  );
}

/** The site's leads: searched, filtered, sorted and paged by the server; the export takes the same filter. */
export function LeadsPage({ siteId }: { siteId: string }) {
  const [state, setState] = useTableState();
  const leads = useQuery(leadsQuery(siteId, state, PAGE_SIZE));
  const applyFilter = useCallback(
    (patch: Partial<LeadTableState>) => setState({ ...state, ...patch, page: 0 }),
    [state, setState],
  );
  return (
    <section aria-labelledby="leads-heading" className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 id="leads-heading" className="text-2xl font-bold text-slate-900">
          Leads
        </h1>
        <a
          href={exportPath(siteId, state)}
          download
          className="inline-flex min-h-10 items-center rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50"
        >
          Export CSV
        </a>
      </div>
      <LeadFilters state={state} facets={leads.data?.facets} onChange={applyFilter} />
      {leads.isPending ? (
        <Skeleton label="Loading leads" />
      ) : leads.isError ? (
        <ErrorNote error={leads.error} />
      ) : leads.data.data.length === 0 ? (
        <EmptyState title="No leads match">
          Leads arrive from the site’s forms; change the filters to see others.
        </EmptyState>
      ) : (
        <>
          <p className="text-sm text-slate-700" data-testid="lead-total">
            {leads.data.total} {leads.data.total === 1 ? 'lead' : 'leads'}
          </p>
          <section
            aria-label="Leads table"
            // biome-ignore lint/a11y/noNoninteractiveTabindex: a table that scrolls sideways on a phone must be reachable by keyboard
            tabIndex={0}
            className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white"
          >
            <table className="min-w-full text-left text-sm">
              <caption className="sr-only">Leads of this site</caption>
              <thead className="bg-slate-50 text-slate-900">
                <tr>
                  {COLUMNS.map((column) => {
                    const active = state.sort === column.key;
                    return (
                      <th
                        key={column.key}
                        scope="col"
                        className="px-3 py-2"
                        aria-sort={active ? (state.dir === 'asc' ? 'ascending' : 'descending') : undefined}
                      >
                        <button
                          type="button"
                          onClick={() => setState(sortBy(state, column.key))}
                          className="font-semibold underline-offset-2 hover:underline"
                        >
                          {column.label}
                          {active ? (state.dir === 'asc' ? ' ↑' : ' ↓') : ''}
                        </button>
                      </th>
                    );
                  })}
                  <th scope="col" className="px-3 py-2">
                    Phone
                  </th>
                  <th scope="col" className="px-3 py-2">
                    Form
                  </th>
                  <th scope="col" className="px-3 py-2">
                    UTM source
                  </th>
                  <th scope="col" className="px-3 py-2">
                    Webhook
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100 text-slate-800">
                {leads.data.data.map((lead) => (
                  <LeadRow key={lead.id} lead={lead} />
                ))}
              </tbody>
            </table>
          </section>
          <Pager
            page={state.page}
            pageSize={PAGE_SIZE}
            total={leads.data.total}
            label="Leads"
            onPage={(page) => setState({ ...state, page })}
          />
        </>
      )}
    </section>
  );
}
