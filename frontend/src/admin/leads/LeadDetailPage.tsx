import type { LeadDetail } from '@spark/contracts/admin';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ErrorNote, Skeleton } from '../ui/primitives.js';
import { leadQuery } from './leads.queries.js';
import { StatusForm } from './StatusForm.js';
import { WebhookDeliveries } from './WebhookDeliveries.js';

const HISTORY_LABELS: Record<string, string> = {
  'lead.status_changed': 'Status changed',
  'lead.note_added': 'Note added',
  'lead.webhook_redelivered': 'Webhook redelivered',
};

function historyText(entry: LeadDetail['history'][number]): string {
  const label = HISTORY_LABELS[entry.action] ?? entry.action;
  if (entry.action === 'lead.status_changed')
    return `${label}: ${String(entry.details.from)} → ${String(entry.details.to)}`;
  return label;
}

function Card({ title, children }: { title: string; children: ReactNode }) {
  const id = `lead-${title.toLowerCase().replace(/\W+/g, '-')}`;
  return (
    <section
      aria-labelledby={id}
      className="min-w-0 space-y-3 rounded-lg border border-slate-200 bg-white p-4"
    >
      <h2 id={id} className="text-lg font-semibold text-slate-900">
        {title}
      </h2>
      {children}
    </section>
  );
}

/** Label/value pairs; empty values show a dash so a missing field is visibly missing. */
function Facts({ rows }: { rows: [string, ReactNode][] }) {
  return (
    <dl className="grid grid-cols-1 gap-x-4 gap-y-1 text-sm sm:grid-cols-[12rem_1fr]">
      {rows.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="text-slate-700">{label}</dt>
          <dd className="mb-2 min-w-0 break-words text-slate-900 sm:mb-0">
            {value === null || value === undefined || value === '' ? '—' : value}
          </dd>
        </div>
      ))}
    </dl>
  );
}

const answerText = (value: unknown) =>
  typeof value === 'string' ? value : value === null || value === undefined ? '' : JSON.stringify(value);

function LeadSections({ siteId, lead }: { siteId: string; lead: LeadDetail }) {
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <Card title="Pipeline">
        <StatusForm key={lead.status} siteId={siteId} lead={lead} />
      </Card>
      <Card title="Contact">
        <Facts
          rows={[
            ['Name', lead.name],
            ['Email', lead.email],
            ['Phone', lead.phone],
            ['Received', new Date(lead.date_created).toLocaleString()],
            ['Consent', lead.consent ? 'Given' : 'Not given'],
            ['Consent text', lead.consent_text],
          ]}
        />
      </Card>
      <Card title="Answers">
        <Facts rows={Object.entries(lead.data).map(([key, value]) => [key, answerText(value)])} />
      </Card>
      <Card title="Source">
        <Facts
          rows={[
            ['Form', lead.form?.name],
            [
              'Page',
              // The address came from a visitor's browser: only an http(s) one becomes a link.
              lead.page_url && /^https?:\/\//i.test(lead.page_url) ? (
                <a
                  key="page"
                  href={lead.page_url}
                  className="break-all text-indigo-800 underline"
                  rel="noreferrer noopener"
                >
                  {lead.page_url}
                </a>
              ) : (
                lead.page_url
              ),
            ],
            ['UTM source', lead.utm_source],
            ['UTM medium', lead.utm_medium],
            ['UTM campaign', lead.utm_campaign],
            ['UTM term', lead.utm_term],
            ['UTM content', lead.utm_content],
            ['Google click id (gclid)', lead.gclid],
            ['Meta click id (fbclid)', lead.fbclid],
            ['Microsoft click id (msclkid)', lead.msclkid],
          ]}
        />
      </Card>
      <Card title="Webhook deliveries">
        <WebhookDeliveries siteId={siteId} lead={lead} />
      </Card>
      <Card title="Notes">
        {lead.notes.length === 0 ? (
          <p className="text-sm text-slate-700">No notes yet.</p>
        ) : (
          <ul className="space-y-2" data-testid="lead-notes">
            {lead.notes.map((note) => (
              <li key={note.id} className="rounded-md bg-slate-50 p-2 text-sm">
                <p className="whitespace-pre-wrap text-slate-900">{note.body}</p>
                <p className="mt-1 text-xs text-slate-700">{new Date(note.date_created).toLocaleString()}</p>
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card title="History">
        {lead.history.length === 0 ? (
          <p className="text-sm text-slate-700">Nothing has happened to this lead yet.</p>
        ) : (
          <ul className="space-y-1 text-sm" data-testid="lead-history">
            {lead.history.map((entry) => (
              <li key={entry.id}>
                <time dateTime={entry.timestamp} className="text-slate-700">
                  {new Date(entry.timestamp).toLocaleString()}
                </time>{' '}
                <span className="text-slate-900">{historyText(entry)}</span>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}

/** One lead: everything it told us, where it came from, its webhook, and the sales team's work on it. */
export function LeadDetailPage({ siteId, leadId }: { siteId: string; leadId: string }) {
  const lead = useQuery(leadQuery(siteId, leadId));
  return (
    <section aria-labelledby="lead-heading" className="space-y-4">
      <a href="/admin/leads" className="text-sm text-indigo-800 underline">
        Back to leads
      </a>
      {lead.isPending ? (
        <Skeleton label="Loading the lead" />
      ) : lead.isError ? (
        <>
          <h1 id="lead-heading" className="text-2xl font-bold text-slate-900">
            Lead
          </h1>
          <ErrorNote error={lead.error} />
        </>
      ) : (
        <>
          <h1 id="lead-heading" className="text-2xl font-bold text-slate-900">
            {lead.data.data.name || lead.data.data.email || 'Lead'}
          </h1>
          <LeadSections siteId={siteId} lead={lead.data.data} />
        </>
      )}
    </section>
  );
}
