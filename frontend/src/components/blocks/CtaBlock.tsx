import type { BlockProps } from './types.js';
import { ButtonLink } from './ui.js';

export function CtaBlock({ block }: BlockProps<'cta'>) {
  return (
    <section id={block.anchor} className="bg-surface px-5 py-16 sm:px-8 sm:py-20">
      <div className="relative isolate mx-auto max-w-site overflow-hidden rounded-3xl bg-primary px-6 py-14 text-center text-on-primary shadow-xl sm:px-16">
        <div
          aria-hidden="true"
          className="absolute inset-0 -z-10 bg-[radial-gradient(40rem_20rem_at_100%_0%,rgb(var(--color-accent)/0.35),transparent_70%)]"
        />
        <h2 className="mx-auto max-w-2xl font-display text-3xl font-bold tracking-tight sm:text-4xl">
          {block.heading}
        </h2>
        {block.body ? <p className="mx-auto mt-4 max-w-xl text-lg opacity-90">{block.body}</p> : null}
        <div className="mt-8 flex flex-wrap justify-center gap-3">
          <ButtonLink href={block.primary.url} variant="accent">
            {block.primary.label}
          </ButtonLink>
          {block.secondary ? (
            <ButtonLink href={block.secondary.url} variant="light">
              {block.secondary.label}
            </ButtonLink>
          ) : null}
        </div>
      </div>
    </section>
  );
}
