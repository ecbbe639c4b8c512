import type { CampaignListItem } from '@spark/contracts/admin';
import { useQuery } from '@tanstack/react-query';
import { campaignsQuery } from '../api/queries.js';
import { EmptyState, ErrorNote, Skeleton } from '../ui/primitives.js';
import { ARTICLE_STATUSES, statusLabel } from './status.js';

/** Campaigns of the chosen site with what each has produced and its last job. */
export function CampaignList({ siteId }: { siteId: string }) {
  const campaigns = useQuery(campaignsQuery(siteId));
  return (
    <section aria-labelledby="campaigns-heading" className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 id="campaigns-heading" className="text-2xl font-bold text-slate-900">
          Campaigns
        </h1>
        <a
          href="/admin/campaigns/new"
          className="rounded-md bg-indigo-700 px-3 py-2 text-sm font-medium text-white hover:bg-indigo-800"
        >
          New campaign
        </a>
      </div>
      {campaigns.isPending ? (
        <Skeleton label="Loading campaigns" />
      ) : campaigns.isError ? (
        <ErrorNote error={campaigns.error} />
      ) : campaigns.data.data.length === 0 ? (
        <EmptyState title="No campaigns yet">
          A campaign turns headline patterns, places and avatars into articles.{' '}
          <a className="font-medium text-indigo-800 underline" href="/admin/campaigns/new">
            Create the first one
          </a>
          .
        </EmptyState>
      ) : (
        <ul className="grid gap-3">
          {campaigns.data.data.map((campaign) => (
            <CampaignRow key={campaign.id} campaign={campaign} />
          ))}
        </ul>
      )}
    </section>
  );
}

function CampaignRow({ campaign }: { campaign: CampaignListItem }) {
  const inventory = campaign.stats?.inventory ?? {};
  const articles = campaign.stats?.articles ?? {};
  const job = campaign.last_job;
  return (
    <li className="rounded-lg border border-slate-200 bg-white p-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <a
          href={`/admin/campaigns/${campaign.id}`}
          className="text-lg font-semibold text-indigo-800 underline-offset-2 hover:underline"
        >
          {campaign.name}
        </a>
        <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-800">
          {campaign.status}
        </span>
      </div>
      <dl className="mt-3 grid grid-cols-2 gap-x-4 gap-y-1 text-sm text-slate-700 sm:grid-cols-4">
        <div>
          <dt className="font-medium text-slate-900">Headlines</dt>
          <dd>
            {inventory.available ?? 0} available · {inventory.used ?? 0} used
          </dd>
        </div>
        <div className="col-span-2 sm:col-span-2">
          <dt className="font-medium text-slate-900">Articles</dt>
          <dd>
            {ARTICLE_STATUSES.map((status) => `${articles[status] ?? 0} ${statusLabel(status)}`).join(' · ')}
          </dd>
        </div>
        <div>
          <dt className="font-medium text-slate-900">Last job</dt>
          <dd>{job ? `${job.status}, ${job.processed}/${job.total}` : 'none yet'}</dd>
        </div>
      </dl>
    </li>
  );
}
