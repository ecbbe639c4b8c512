import { LEAD_STATUSES, type LeadList } from '@spark/contracts/admin';
import { useEffect, useState } from 'react';
import { inputClass } from '../ui/primitives.js';
import { useDebounced } from '../ui/use-debounced.js';
import { STATUS_LABELS } from './status-labels.js';
import type { LeadTableState } from './table-state.js';

type FilterKey = 'q' | 'status' | 'form_id' | 'utm_source' | 'from' | 'to';

/** Search and filters of the leads table; every change goes back to the first page. */
export function LeadFilters({
  state,
  facets,
  onChange,
}: {
  state: LeadTableState;
  facets: LeadList['facets'] | undefined;
  onChange(patch: Partial<Pick<LeadTableState, FilterKey>>): void;
}) {
  const [typed, setTyped] = useState(state.q);
  const settled = useDebounced(typed, 300);
  useEffect(() => {
    if (settled !== state.q) onChange({ q: settled });
  }, [settled, state.q, onChange]);
  const label = 'block text-sm font-medium text-slate-900';
  return (
    <form
      aria-label="Filter leads"
      className="grid gap-3 rounded-lg border border-slate-200 bg-white p-3 sm:grid-cols-3 lg:grid-cols-6"
      onSubmit={(event) => {
        event.preventDefault();
        onChange({ q: typed });
      }}
    >
      <div className="sm:col-span-3 lg:col-span-2">
        <label htmlFor="lead-search" className={label}>
          Search
        </label>
        <input
          id="lead-search"
          type="search"
          value={typed}
          placeholder="Name, email or phone"
          onChange={(event) => setTyped(event.target.value)}
          className={inputClass}
        />
      </div>
      <div>
        <label htmlFor="lead-status" className={label}>
          Status
        </label>
        <select
          id="lead-status"
          value={state.status}
          onChange={(event) => onChange({ status: event.target.value as LeadTableState['status'] })}
          className={inputClass}
        >
          <option value="">All but spam</option>
          {LEAD_STATUSES.map((status) => (
            <option key={status} value={status}>
              {STATUS_LABELS[status]}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="lead-form" className={label}>
          Form
        </label>
        <select
          id="lead-form"
          value={state.form_id}
          onChange={(event) => onChange({ form_id: event.target.value })}
          className={inputClass}
        >
          <option value="">Any form</option>
          {facets?.forms.map((form) => (
            <option key={form.id} value={form.id}>
              {form.name}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="lead-utm-source" className={label}>
          UTM source
        </label>
        <select
          id="lead-utm-source"
          value={state.utm_source}
          onChange={(event) => onChange({ utm_source: event.target.value })}
          className={inputClass}
        >
          <option value="">Any source</option>
          {facets?.utm_sources.map((source) => (
            <option key={source} value={source}>
              {source}
            </option>
          ))}
        </select>
      </div>
      <div className="grid grid-cols-2 gap-2 sm:col-span-3 lg:col-span-1 lg:grid-cols-1">
        <div>
          <label htmlFor="lead-from" className={label}>
            From
          </label>
          <input
            id="lead-from"
            type="date"
            value={state.from}
            max={state.to || undefined}
            onChange={(event) => onChange({ from: event.target.value })}
            className={inputClass}
          />
        </div>
        <div>
          <label htmlFor="lead-to" className={label}>
            To
          </label>
          <input
            id="lead-to"
            type="date"
            value={state.to}
            min={state.from || undefined}
            onChange={(event) => onChange({ to: event.target.value })}
            className={inputClass}
          />
        </div>
      </div>
    </form>
  );
}
