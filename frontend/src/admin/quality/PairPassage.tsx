import type { QualityFlag } from '@spark/contracts/admin';

type Side = NonNullable<QualityFlag['other']>;

/** One article of a pair: what it is, and the passage it shares with the other, highlighted. */
export function PairPassage({ side, position }: { side: Side; position: 'Earlier' | 'Newer' }) {
  return (
    <article
      className="min-w-0 space-y-2 rounded-md border border-slate-200 p-3"
      aria-label={`${position} article`}
    >
      <header>
        <p className="text-xs font-semibold uppercase tracking-wide text-slate-700">{position}</p>
        <h3 className="break-words font-medium text-slate-900">{side.title}</h3>
        <p className="text-xs text-slate-700">
          {side.status} · {side.word_count} words · {new Date(side.date_created).toLocaleDateString()}
        </p>
      </header>
      {side.passage ? (
        <p className="break-words text-sm text-slate-800" data-testid="shared-passage">
          {side.passage.before}
          <mark className="bg-amber-200 text-slate-900">{side.passage.shared}</mark>
          {side.passage.after}
        </p>
      ) : (
        <p className="text-sm text-slate-700">The shared passage is no longer in this article’s text.</p>
      )}
    </article>
  );
}
