import type { BlockProps } from './types.js';

export function QuoteBlock({ block }: BlockProps<'quote'>) {
  return (
    <section id={block.anchor} className="bg-surface py-16 sm:py-20">
      <figure className="mx-auto max-w-3xl px-5 text-center sm:px-8">
        <svg
          viewBox="0 0 32 32"
          className="mx-auto h-10 w-10 text-primary"
          fill="currentColor"
          aria-hidden="true"
        >
          <path d="M9.3 24c-2.9 0-5.3-2.3-5.3-5.9C4 12.4 8 8 13.2 6.7l.8 1.7c-3.1 1.3-5 3.6-5.3 6.2.4-.2 1-.3 1.6-.3 2.7 0 4.7 2 4.7 4.7 0 2.9-2.3 5-5.7 5zm14.7 0c-2.9 0-5.3-2.3-5.3-5.9 0-5.7 4-10.1 9.2-11.4l.8 1.7c-3.1 1.3-5 3.6-5.3 6.2.4-.2 1-.3 1.6-.3 2.7 0 4.7 2 4.7 4.7 0 2.9-2.3 5-5.7 5z" />
        </svg>
        <blockquote className="mt-6 font-display text-2xl font-medium leading-relaxed text-ink sm:text-3xl">
          {block.text}
        </blockquote>
        {block.cite ? (
          <figcaption className="mt-6 text-sm font-semibold uppercase tracking-wider text-primary">
            {block.cite}
          </figcaption>
        ) : null}
      </figure>
    </section>
  );
}
