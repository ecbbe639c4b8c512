import { useQuery } from '@tanstack/react-query';
import { campaignOptionsQuery, campaignQuery } from '../api/queries.js';
import { ErrorNote, Skeleton } from '../ui/primitives.js';
import { CampaignEditor } from './CampaignEditor.js';
import { GeneratePanel } from './GeneratePanel.js';

/** Data for the editor: the campaign (when editing) and what it may use; the form itself is CampaignEditor. */
export function CampaignEditorPage({ siteId, campaignId }: { siteId: string; campaignId: string | null }) {
  const campaign = useQuery({ ...campaignQuery(siteId, campaignId ?? ''), enabled: campaignId !== null });
  const options = useQuery(campaignOptionsQuery(siteId));
  if (options.isError) return <ErrorNote error={options.error} />;
  if (campaign.isError) return <ErrorNote error={campaign.error} />;
  if (!options.data || (campaignId !== null && !campaign.data))
    return <Skeleton lines={6} label="Loading the campaign" />;
  const saved = campaign.data?.data ?? null;
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold text-slate-900">{saved ? saved.name : 'New campaign'}</h1>
      {saved ? (
        <GeneratePanel siteId={siteId} campaignId={saved.id} inventory={saved.stats.inventory} />
      ) : null}
      <CampaignEditor
        key={saved?.date_updated ?? saved?.id ?? 'new'}
        siteId={siteId}
        saved={saved}
        options={options.data.data}
      />
    </div>
  );
}
