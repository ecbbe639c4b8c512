import type { BlockProps } from './types.js';
import { ButtonLink } from './ui.js';

/** An `offer_blocks` row chosen by name (the site's own, else the shared library's); absent → nothing. */
export function OfferBlock({ block, data }: BlockProps<'offer'>) {
  const offer = data.offers[block.offer];
  if (!offer) return null;
  return (
    <section id={block.anchor} className="bg-surface px-5 py-12 sm:px-8">
      <div className="mx-auto flex max-w-site flex-col gap-6 rounded-3xl border-2 border-dashed border-accent bg-accent/10 p-8 sm:flex-row sm:items-center sm:justify-between sm:p-10">
        <div className="max-w-2xl">
          {block.heading ? (
            <p className="text-sm font-semibold uppercase tracking-wider text-primary">{block.heading}</p>
          ) : null}
          <h2 className="mt-2 font-display text-2xl font-bold sm:text-3xl">{offer.headline}</h2>
          <p className="mt-3 leading-7 text-ink/75">{offer.body}</p>
        </div>
        {offer.cta_url ? (
          <div className="shrink-0">
            <ButtonLink href={offer.cta_url}>{offer.cta_label}</ButtonLink>
          </div>
        ) : null}
      </div>
    </section>
  );
}
