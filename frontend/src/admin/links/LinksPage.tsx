import type { LinksReport } from '@spark/contracts/admin';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { linksReportQuery } from '../api/operations-queries.js';
import { campaignsQuery } from '../api/queries.js';
import { jobOutcome } from '../jobs/outcome.js';
import { EmptyState, ErrorNote, inputClass, Skeleton } from '../ui/primitives.js';
import { RunInsertLinks } from './RunInsertLinks.js';

/** Outgoing links per article as a table with proportional bars (the numbers stay readable text). */
function Distribution({ rows }: { rows: LinksReport['data']['outgoing'] }) {
  const most = Math.max(1, ...rows.map((row) => row.articles));
  return (
    <table className="w-full text-left text-sm">
      <caption className="sr-only">Articles by number of outgoing internal links</caption>
      <thead className="text-slate-900">
        <tr>
          <th scope="col" className="w-24 py-1 pr-3">
            Links out
          </th>
          <th scope="col" className="py-1">
            Articles
          </th>
        </tr>
      </thead>
      <tbody className="text-slate-800">
        {rows.map((row) => (
          <tr key={row.links}>
            <td className="py-1 pr-3">{row.links}</td>
            <td className="py-1">
              <div className="flex items-center gap-2">
                <div
                  aria-hidden="true"
                  className="h-3 rounded bg-indigo-600"
                  style={{ width: `${Math.max(2, (row.articles / most) * 70)}%` }}
                />
                <span>{row.articles}</span>
              </div>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Report({ report }: { report: LinksReport['data'] }) {
  return (
    <div className="space-y-4">
      <dl className="grid grid-cols-3 gap-3">
        {[
          ['Articles', report.articles],
          ['Internal links', report.links],
          ['Orphans', report.orphan_count],
        ].map(([label, value]) => (
          <div key={label} className="rounded-lg border border-slate-200 bg-white p-3">
            <dt className="text-sm text-slate-700">{label}</dt>
            <dd
              className="text-2xl font-semibold text-slate-900"
              data-testid={`links-${String(label).toLowerCase().replace(' ', '-')}`}
            >
              {value}
            </dd>
          </div>
        ))}
      </dl>
      {report.last_run ? (
        <p className="text-sm text-slate-800">
          Last run {new Date(report.last_run.date_created).toLocaleString()}:{' '}
          {jobOutcome({ ...report.last_run, failed: 0 }).label}
        </p>
      ) : (
        <p className="text-sm text-slate-800">Links were never inserted for this campaign.</p>
      )}
      <section
        aria-labelledby="distribution-heading"
        className="rounded-lg border border-slate-200 bg-white p-4"
      >
        <h2 id="distribution-heading" className="mb-2 font-semibold text-slate-900">
          Links per article
        </h2>
        {report.outgoing.length ? (
          <Distribution rows={report.outgoing} />
        ) : (
          <p className="text-sm">No articles yet.</p>
        )}
      </section>
      <section aria-labelledby="orphans-heading" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="orphans-heading" className="mb-2 font-semibold text-slate-900">
          Orphans (no article links to them)
        </h2>
        {report.orphans.length === 0 ? (
          <p className="text-sm text-slate-800">None: every article is linked from another.</p>
        ) : (
          <ul className="divide-y divide-slate-100 text-sm" data-testid="orphans">
            {report.orphans.map((orphan) => (
              <li key={orphan.id} className="flex justify-between gap-3 py-2">
                <span className="min-w-0 break-words text-slate-900">{orphan.title}</span>
                <span className="text-slate-700">{orphan.status}</span>
              </li>
            ))}
          </ul>
        )}
        {report.orphan_count > report.orphans.length ? (
          <p className="mt-2 text-sm text-slate-700">
            Showing {report.orphans.length} of {report.orphan_count}.
          </p>
        ) : null}
      </section>
    </div>
  );
}

/** The internal-links report of one campaign at a time, with the button that (re)links it. */
export function LinksPage({ siteId }: { siteId: string }) {
  const campaigns = useQuery(campaignsQuery(siteId));
  const [campaignId, setCampaignId] = useState('');
  const first = campaigns.data?.data[0]?.id ?? '';
  useEffect(() => {
    if (!campaignId && first) setCampaignId(first);
  }, [campaignId, first]);
  const report = useQuery({ ...linksReportQuery(siteId, campaignId), enabled: campaignId !== '' });
  return (
    <section aria-labelledby="links-heading" className="space-y-4">
      <h1 id="links-heading" className="text-2xl font-bold text-slate-900">
        Internal links
      </h1>
      {campaigns.isPending ? (
        <Skeleton label="Loading campaigns" lines={1} />
      ) : campaigns.isError ? (
        <ErrorNote error={campaigns.error} />
      ) : campaigns.data.data.length === 0 ? (
        <EmptyState title="No campaigns yet">Links are reported per campaign.</EmptyState>
      ) : (
        <>
          <div className="flex flex-wrap items-end gap-3">
            <div>
              <label htmlFor="links-campaign" className="block text-sm font-medium text-slate-900">
                Campaign
              </label>
              <select
                id="links-campaign"
                value={campaignId}
                onChange={(event) => setCampaignId(event.target.value)}
                className={inputClass}
              >
                {campaigns.data.data.map((campaign) => (
                  <option key={campaign.id} value={campaign.id}>
                    {campaign.name}
                  </option>
                ))}
              </select>
            </div>
            {campaignId ? <RunInsertLinks key={campaignId} siteId={siteId} campaignId={campaignId} /> : null}
          </div>
          {report.isPending ? (
            <Skeleton label="Loading the links report" />
          ) : report.isError ? (
            <ErrorNote error={report.error} />
          ) : (
            <Report report={report.data.data} />
          )}
        </>
      )}
    </section>
  );
}
