import type { HeadlinePreview } from '@spark/contracts/admin';
import { Button } from '../ui/primitives.js';
import { formatCount } from './campaign-form.js';

interface Props {
  enabled: boolean;
  /** The patterns have errors (listed under the editor): no count until they are fixed. */
  invalid: boolean;
  preview: HeadlinePreview | null;
  loading: boolean;
  problem: string | null;
  onShuffle(): void;
}

/** The exact number of headlines the draft can make and a few seeded samples; "Shuffle" asks for others. */
export function HeadlinePreviewPanel({ enabled, invalid, preview, loading, problem, onShuffle }: Props) {
  return (
    <aside
      aria-labelledby="preview-heading"
      className="h-fit space-y-3 rounded-lg border border-slate-200 bg-white p-4 lg:sticky lg:top-4"
    >
      <div className="flex items-center justify-between gap-2">
        <h2 id="preview-heading" className="text-lg font-semibold text-slate-900">
          Headlines
        </h2>
        <Button onClick={onShuffle} disabled={!preview}>
          Shuffle
        </Button>
      </div>
      {!enabled ? (
        <p className="text-sm text-slate-700">Write a headline pattern to see how many headlines it makes.</p>
      ) : invalid ? (
        <p className="text-sm text-slate-800">Fix the errors in the patterns to see the count and samples.</p>
      ) : problem ? (
        <p className="text-sm text-red-900">{problem}</p>
      ) : preview ? (
        <>
          <p className="text-sm text-slate-800">
            <span className="text-2xl font-bold text-slate-900" data-testid="variant-count">
              {formatCount(preview.total)}
            </span>{' '}
            distinct headlines
          </p>
          <ul className="space-y-2 text-sm text-slate-900" aria-label="Sample headlines" aria-busy={loading}>
            {preview.samples.map((sample) => (
              <li key={sample.variant_key} className="rounded-md bg-slate-50 p-2">
                {sample.headline}
              </li>
            ))}
          </ul>
          {preview.library ? (
            <p
              data-testid="library-reach"
              className={preview.library.warning ? 'text-sm text-amber-900' : 'text-sm text-slate-700'}
            >
              {preview.library.warning ??
                `Articles of about ${preview.library.reachable_words.median} words (${preview.library.reachable_words.min}–${preview.library.reachable_words.max}) with this template.`}
            </p>
          ) : null}
        </>
      ) : (
        <p className="text-sm text-slate-700">{loading ? 'Counting…' : ''}</p>
      )}
    </aside>
  );
}
