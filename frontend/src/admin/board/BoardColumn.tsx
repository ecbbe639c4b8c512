import type { ArticleCard, BoardStatus } from '@spark/contracts/admin';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { type BoardFilters, boardColumnQuery } from '../api/queries.js';
import { statusLabel } from '../campaigns/status.js';
import { useAdminUi } from '../store.js';
import { Pager } from '../ui/Pager.js';
import { ErrorNote, Skeleton } from '../ui/primitives.js';
import { columnCount, hasPageBeyondCount } from './column-count.js';
import { DRAG_TYPE, decodeDrag, dropAction, encodeDrag } from './drag-moves.js';
import type { BoardAction } from './use-board-actions.js';

const PAGE_SIZE = 20;

/** Where ArrowRight moves a card: review → approved → published now. */
const NEXT: Partial<Record<BoardStatus, 'approve' | 'publish'>> = { qc: 'approve', approved: 'publish' };

interface Props {
  siteId: string;
  status: BoardStatus;
  filters: BoardFilters;
  onMove(action: BoardAction): void;
}

/** One status column, a server page at a time. */
export function BoardColumn({ siteId, status, filters, onMove }: Props) {
  const [page, setPage] = useState(0);
  const column = useQuery(boardColumnQuery(siteId, status, filters, page, PAGE_SIZE));
  const headingId = `column-${status}`;
  const [over, setOver] = useState(false);
  return (
    <section
      aria-labelledby={headingId}
      className={`flex min-w-0 flex-col gap-2 rounded-lg p-3 ${over ? 'bg-indigo-100 ring-2 ring-indigo-600' : 'bg-slate-100'}`}
      data-testid={`column-${status}`}
      onDragOver={(event) => {
        if (!event.dataTransfer.types.includes(DRAG_TYPE)) return;
        event.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(event) => {
        setOver(false);
        const dragged = decodeDrag(event.dataTransfer.getData(DRAG_TYPE));
        const action = dragged && dropAction(dragged.from, status, dragged.ids);
        if (!action) return;
        event.preventDefault();
        onMove(action);
      }}
    >
      <h2
        id={headingId}
        className="flex items-baseline justify-between text-sm font-semibold uppercase tracking-wide text-slate-800"
      >
        <span>{statusLabel(status)}</span>
        <span data-testid={`count-${status}`}>{column.data ? columnCount(column.data) : '…'}</span>
      </h2>
      {column.isPending ? (
        <Skeleton label={`Loading ${statusLabel(status)}`} />
      ) : column.isError ? (
        <ErrorNote error={column.error} />
      ) : column.data.data.length === 0 ? (
        <p className="py-4 text-center text-sm text-slate-700">Nothing {statusLabel(status)}.</p>
      ) : (
        <ul className="space-y-2">
          {column.data.data.map((card) => (
            <Card key={card.id} card={card} status={status} next={NEXT[status]} onMove={onMove} />
          ))}
        </ul>
      )}
      {column.data ? (
        <Pager
          page={page}
          pageSize={PAGE_SIZE}
          total={column.data.total}
          more={hasPageBeyondCount(column.data)}
          label={statusLabel(status)}
          onPage={setPage}
        />
      ) : null}
    </section>
  );
}

function Card({
  card,
  status,
  next,
  onMove,
}: {
  card: ArticleCard;
  status: BoardStatus;
  next?: 'approve' | 'publish' | undefined;
  onMove(action: BoardAction): void;
}) {
  const selected = useAdminUi((state) => state.selected.has(card.id));
  const toggle = useAdminUi((state) => state.toggle);
  const when = card.published_at ?? card.publish_at;
  return (
    <li
      draggable
      onDragStart={(event) => {
        // Dragging a selected card carries the whole selection; otherwise just the card.
        const chosen = useAdminUi.getState().selected;
        const ids = chosen.has(card.id) ? [...chosen] : [card.id];
        event.dataTransfer.setData(DRAG_TYPE, encodeDrag(status, ids));
        event.dataTransfer.effectAllowed = 'move';
      }}
      className={`rounded-md border bg-white p-2 text-sm ${selected ? 'border-indigo-600 ring-1 ring-indigo-600' : 'border-slate-200'}`}
    >
      <label className="flex items-start gap-2">
        <input
          type="checkbox"
          checked={selected}
          onChange={() => toggle(card.id)}
          onKeyDown={(event) => {
            if (event.key === 'ArrowRight' && next) {
              event.preventDefault();
              onMove({ kind: next, ids: [card.id] });
            }
          }}
          aria-keyshortcuts={next ? 'ArrowRight' : undefined}
          className="mt-1 h-4 w-4 shrink-0"
          data-testid="card-checkbox"
        />
        <span className="min-w-0 flex-1">
          <span className="block break-words font-medium text-slate-900">{card.title}</span>
          <span className="block text-xs text-slate-700">
            {card.city ?? 'No city'} · {card.word_count} words
            {card.flags.length > 0 ? ` · flagged: ${card.flags.join(', ').replace(/_/g, '-')}` : ''}
            {when ? ` · ${new Date(when).toLocaleString()}` : ''}
          </span>
        </span>
      </label>
      <a
        href={`/admin/preview/${card.id}`}
        className="mt-1 inline-block text-xs font-medium text-indigo-800 underline"
      >
        Preview<span className="sr-only"> {card.title}</span>
      </a>
    </li>
  );
}
