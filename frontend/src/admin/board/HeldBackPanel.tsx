import type { HeldBackArticle } from '@spark/contracts/admin';
import { Button } from '../ui/primitives.js';
import { describeHoldingFlags } from './publish-summary.js';
import type { PublishAction } from './use-board-actions.js';

interface Props {
  action: PublishAction;
  held: HeldBackArticle[];
  /** Repeat the action for these articles with the quality gate overridden. */
  onOverride: (action: PublishAction) => void;
  onDismiss: () => void;
  busy: boolean;
}

/**
 * The articles the last publish, schedule or spread held back because of open quality flags, with the
 * reasons, and the explicit override: per article or for all of them. Overriding is a person's decision;
 * nothing here does it by default.
 */
export function HeldBackPanel({ action, held, onOverride, onDismiss, busy }: Props) {
  const verb = action.kind === 'publish' ? 'Publish' : 'Schedule';
  const again = (ids: string[]) => onOverride({ ...action, ids, overrideIds: ids });
  return (
    <section
      aria-labelledby="held-back-heading"
      data-testid="held-back"
      className="space-y-2 rounded-lg border border-amber-300 bg-amber-50 p-3"
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="held-back-heading" className="text-base font-semibold text-slate-900">
          {held.length} held back by the quality gate
        </h2>
        <div className="flex gap-2">
          <Button onClick={() => again(held.map((article) => article.id))} disabled={busy}>
            {verb} all {held.length} anyway
          </Button>
          <Button onClick={onDismiss}>Dismiss</Button>
        </div>
      </div>
      <p className="text-sm text-slate-800">
        These articles have open quality flags. Fix or resolve the flags, or override the gate for them.
      </p>
      <ul className="divide-y divide-amber-200">
        {held.map((article) => (
          <li key={article.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
            <span className="text-sm text-slate-900">
              {article.title} <span className="text-slate-700">— {describeHoldingFlags(article)}</span>
            </span>
            <Button
              onClick={() => again([article.id])}
              disabled={busy}
              aria-label={`${verb} anyway: “${article.title}”`}
            >
              {verb} anyway
            </Button>
          </li>
        ))}
      </ul>
    </section>
  );
}
