import { Button } from './primitives.js';

/** Previous / next for server-side pages, with where you are. */
export function Pager({
  page,
  pageSize,
  total,
  label,
  onPage,
}: {
  page: number;
  pageSize: number;
  total: number;
  label: string;
  onPage(page: number): void;
}) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return null;
  return (
    <nav
      aria-label={`${label} pages`}
      className="flex items-center justify-between gap-2 text-sm text-slate-800"
    >
      <Button onClick={() => onPage(page - 1)} disabled={page === 0}>
        Previous
      </Button>
      <span>
        Page {page + 1} of {pages}
      </span>
      <Button onClick={() => onPage(page + 1)} disabled={page + 1 >= pages}>
        Next
      </Button>
    </nav>
  );
}
