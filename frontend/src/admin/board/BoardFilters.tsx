import type { CampaignListItem } from '@spark/contracts/admin';
import { type BoardFlag, useAdminUi } from '../store.js';
import { inputClass } from '../ui/primitives.js';

const FLAGS: { value: BoardFlag; label: string }[] = [
  { value: 'short', label: 'Too short' },
  { value: 'near_duplicate', label: 'Near-duplicate' },
];

/** Campaign, quality flag and city filters of the board (UI state; the columns query with them). */
export function BoardFilters({ campaigns }: { campaigns: CampaignListItem[] }) {
  const campaignFilter = useAdminUi((state) => state.campaignFilter);
  const flagFilter = useAdminUi((state) => state.flagFilter);
  const cityFilter = useAdminUi((state) => state.cityFilter);
  const filterCampaign = useAdminUi((state) => state.filterCampaign);
  const filterFlag = useAdminUi((state) => state.filterFlag);
  const filterCity = useAdminUi((state) => state.filterCity);
  return (
    <div className="flex flex-wrap items-end gap-3">
      <div>
        <label htmlFor="board-campaign" className="block text-sm font-medium text-slate-900">
          Campaign
        </label>
        <select
          id="board-campaign"
          value={campaignFilter ?? ''}
          onChange={(event) => filterCampaign(event.target.value || null)}
          className={inputClass}
        >
          <option value="">All campaigns</option>
          {campaigns.map((campaign) => (
            <option key={campaign.id} value={campaign.id}>
              {campaign.name}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="board-flag" className="block text-sm font-medium text-slate-900">
          Quality flag
        </label>
        <select
          id="board-flag"
          value={flagFilter ?? ''}
          onChange={(event) => filterFlag((event.target.value || null) as BoardFlag | null)}
          className={inputClass}
        >
          <option value="">Any</option>
          {FLAGS.map((flag) => (
            <option key={flag.value} value={flag.value}>
              {flag.label}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="board-city" className="block text-sm font-medium text-slate-900">
          City
        </label>
        <input
          id="board-city"
          value={cityFilter}
          onChange={(event) => filterCity(event.target.value)}
          placeholder="Starts with…"
          className={`${inputClass} w-40`}
        />
      </div>
    </div>
  );
}
