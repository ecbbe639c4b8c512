import { LEAD_PIPELINE, LEAD_STATUSES, type LeadDetail, type LeadStatus } from '@spark/contracts/admin';
import { useState } from 'react';
import { Button, inputClass } from '../ui/primitives.js';
import { useChangeStatus } from './leads.queries.js';
import { STATUS_LABELS } from './status-labels.js';

/** Where the lead stands in the pipeline, and one form to move it and/or write a note. */
export function StatusForm({ siteId, lead }: { siteId: string; lead: LeadDetail }) {
  const [status, setStatus] = useState<LeadStatus>(lead.status);
  const [note, setNote] = useState('');
  const change = useChangeStatus(siteId, lead.id);
  const unchanged = status === lead.status && note.trim() === '';
  const reached = LEAD_PIPELINE.indexOf(lead.status as (typeof LEAD_PIPELINE)[number]);
  return (
    <div className="space-y-4">
      <ol aria-label="Pipeline" className="flex flex-wrap gap-2 text-sm">
        {LEAD_PIPELINE.map((stage, index) => (
          <li
            key={stage}
            aria-current={stage === lead.status ? 'step' : undefined}
            className={`rounded-full border px-3 py-1 ${
              stage === lead.status
                ? 'border-indigo-700 bg-indigo-700 text-white'
                : index < reached && stage !== 'won'
                  ? 'border-indigo-200 bg-indigo-50 text-indigo-900'
                  : 'border-slate-300 bg-white text-slate-800'
            }`}
          >
            {STATUS_LABELS[stage]}
          </li>
        ))}
        {lead.status === 'spam' ? (
          <li
            aria-current="step"
            className="rounded-full border border-red-700 bg-red-700 px-3 py-1 text-white"
          >
            Spam{lead.spam_reason ? ` (${lead.spam_reason.replace(/_/g, ' ')})` : ''}
          </li>
        ) : null}
      </ol>
      <form
        className="space-y-3"
        onSubmit={(event) => {
          event.preventDefault();
          const text = note.trim();
          change.mutate(text ? { status, note: text } : { status }, { onSuccess: () => setNote('') });
        }}
      >
        <div>
          <label htmlFor="lead-new-status" className="block text-sm font-medium text-slate-900">
            Status
          </label>
          <select
            id="lead-new-status"
            value={status}
            onChange={(event) => setStatus(event.target.value as LeadStatus)}
            className={inputClass}
          >
            {LEAD_STATUSES.map((option) => (
              <option key={option} value={option}>
                {STATUS_LABELS[option]}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="lead-note" className="block text-sm font-medium text-slate-900">
            Note
          </label>
          <textarea
            id="lead-note"
            value={note}
            maxLength={5000}
            rows={3}
            onChange={(event) => setNote(event.target.value)}
            className={inputClass}
          />
        </div>
        <Button type="submit" tone="primary" disabled={unchanged || change.isPending}>
          Save
        </Button>
      </form>
    </div>
  );
}
