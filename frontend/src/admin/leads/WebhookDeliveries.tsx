import type { LeadDetail } from '@spark/contracts/admin';
import { Button } from '../ui/primitives.js';
import { useRedeliver } from './leads.queries.js';
import { WEBHOOK_LABELS } from './status-labels.js';

const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString() : '—');

/** Each submission's webhook delivery, with a way to send a failed (or already delivered) one again. */
export function WebhookDeliveries({ siteId, lead }: { siteId: string; lead: LeadDetail }) {
  const redeliver = useRedeliver(siteId, lead.id);
  if (lead.submissions.length === 0)
    return <p className="text-sm text-slate-700">This lead was not sent through a form.</p>;
  return (
    <ul className="space-y-3">
      {lead.submissions.map((submission) => (
        <li
          key={submission.id}
          className="flex flex-wrap items-center justify-between gap-3 rounded-md border border-slate-200 p-3"
          data-testid="webhook-delivery"
        >
          <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
            <dt className="text-slate-700">Status</dt>
            <dd className="font-medium text-slate-900" data-testid="webhook-status">
              {WEBHOOK_LABELS[submission.webhook_status]}
            </dd>
            <dt className="text-slate-700">Attempts</dt>
            <dd data-testid="webhook-attempts">{submission.webhook_attempts}</dd>
            <dt className="text-slate-700">Last error</dt>
            <dd className="break-words">{submission.webhook_last_error ?? '—'}</dd>
            <dt className="text-slate-700">Delivered</dt>
            <dd>{when(submission.webhook_delivered_at)}</dd>
          </dl>
          {submission.webhook_status === 'failed' || submission.webhook_status === 'delivered' ? (
            <Button onClick={() => redeliver.mutate(submission.id)} disabled={redeliver.isPending}>
              Redeliver webhook
            </Button>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
