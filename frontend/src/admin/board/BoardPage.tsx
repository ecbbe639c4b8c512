import { BOARD_STATUSES } from '@spark/contracts/admin';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { campaignsQuery } from '../api/queries.js';
import { useAdminUi } from '../store.js';
import { Button, inputClass } from '../ui/primitives.js';
import { useDebounced } from '../ui/use-debounced.js';
import { BoardColumn } from './BoardColumn.js';
import { BoardFilters } from './BoardFilters.js';
import { HeldBackPanel } from './HeldBackPanel.js';
import { useBoardActions } from './use-board-actions.js';

/** The review Kanban: columns by status, filters (campaign, quality flag, city), and bulk actions on the selection. */
export function BoardPage({ siteId }: { siteId: string }) {
  const campaigns = useQuery(campaignsQuery(siteId));
  const campaignId = useAdminUi((state) => state.campaignFilter);
  const flag = useAdminUi((state) => state.flagFilter);
  const city = useDebounced(
    useAdminUi((state) => state.cityFilter),
    300,
  );
  const filters = useMemo(() => ({ campaignId, flag, city }), [campaignId, flag, city]);
  const selected = useAdminUi((state) => state.selected);
  const clearSelection = useAdminUi((state) => state.clearSelection);
  const actions = useBoardActions(siteId);
  const [at, setAt] = useState('');
  const ids = [...selected];
  const busy = actions.isPending || ids.length === 0;
  const last = actions.data;
  const held =
    last && last.held.length > 0 && last.action.kind !== 'approve' && last.action.kind !== 'review'
      ? { action: last.action, held: last.held }
      : null;
  return (
    <section aria-labelledby="board-heading" className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <h1 id="board-heading" className="text-2xl font-bold text-slate-900">
          Review board
        </h1>
        <BoardFilters campaigns={campaigns.data?.data ?? []} />
      </div>
      <div
        role="toolbar"
        aria-label="Bulk actions"
        className="sticky top-0 z-10 flex flex-wrap items-center gap-2 rounded-lg border border-slate-200 bg-white p-3"
      >
        <span className="text-sm text-slate-800" data-testid="selected-count">
          {ids.length} selected
        </span>
        <Button onClick={() => actions.mutate({ kind: 'approve', ids })} disabled={busy}>
          Approve
        </Button>
        <Button onClick={() => actions.mutate({ kind: 'publish', ids })} disabled={busy}>
          Publish now
        </Button>
        <Button onClick={() => actions.mutate({ kind: 'spread', ids })} disabled={busy}>
          Spread by velocity
        </Button>
        <Button onClick={() => actions.mutate({ kind: 'review', ids })} disabled={busy}>
          Back to review
        </Button>
        <label htmlFor="schedule-at" className="sr-only">
          Publish at
        </label>
        <input
          id="schedule-at"
          type="datetime-local"
          value={at}
          onChange={(e) => setAt(e.target.value)}
          className={`${inputClass} w-auto`}
        />
        <Button onClick={() => actions.mutate({ kind: 'schedule', ids, at })} disabled={busy || at === ''}>
          Schedule
        </Button>
        <Button onClick={clearSelection} disabled={ids.length === 0}>
          Clear
        </Button>
        <p className="w-full text-xs text-slate-700">
          Drag cards between columns, or focus a card’s checkbox and press → to move it to the next column.
        </p>
      </div>
      {held && (
        <HeldBackPanel
          action={held.action}
          held={held.held}
          onOverride={(action) => actions.mutate(action)}
          onDismiss={() => actions.reset()}
          busy={actions.isPending}
        />
      )}
      <div className="grid gap-3 md:grid-cols-2 xl:grid-cols-4">
        {BOARD_STATUSES.map((status) => (
          <BoardColumn
            key={status}
            siteId={siteId}
            status={status}
            filters={filters}
            onMove={(a) => actions.mutate(a)}
          />
        ))}
      </div>
    </section>
  );
}
