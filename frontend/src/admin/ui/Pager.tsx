import { Button } from './primitives.js';

/**
 * Previous / next for server-side pages, with where you are. `more`: the total is a lower bound (a capped count)
 * and another page follows this one, so the last page is not known yet.
 */
export function Pager({
  page,
  pageSize,
  total,
  more = false,
  label,
  onPage,
}: {
  page: number;
  pageSize: number;
  total: number;
  more?: boolean;
  label: string;
  onPage(page: number): void;
}) {
  const pages = Math.max(1, Math.ceil(total / pageSize), page + 1);
  if (pages <= 1 && !more) return null;
  return (
    <nav
      aria-label={`${label} pages`}
      className="flex items-center justify-between gap-2 text-sm text-slate-800"
    >
      <Button onClick={() => onPage(page - 1)} disabled={page === 0}>
        Previous
      </Button>
      <span>
        Page {(page + 1).toLocaleString('en-US')} of {pages.toLocaleString('en-US')}
        {more ? '+' : ''}
      </span>
      <Button onClick={() => onPage(page + 1)} disabled={!more && page + 1 >= pages}>
        Next
      </Button>
    </nav>
  );
}
