import { Picture } from '../images/Picture.js';
import type { ImageSlot } from '../images/responsive-image.js';
import type { BlockProps } from './types.js';
import { ButtonLink } from './ui.js';

/** Half of the site container beside the text from `lg` up (552 px at full width), the container below it. */
const HERO_SLOT: ImageSlot = {
  aspect: [4, 3],
  sizes:
    '(min-width: 1216px) 552px, (min-width: 1024px) calc(50vw - 3.5rem), (min-width: 640px) calc(100vw - 4rem), calc(100vw - 2.5rem)',
  maxWidth: 1280,
};

export function HeroBlock({ block }: BlockProps<'hero'>) {
  const centered = block.align === 'center' || !block.image;
  const actions = (
    <div className={`mt-8 flex flex-wrap gap-3 ${centered ? 'justify-center' : ''}`}>
      {block.primary_cta ? (
        <ButtonLink href={block.primary_cta.url}>{block.primary_cta.label}</ButtonLink>
      ) : null}
      {block.secondary_cta ? (
        <ButtonLink href={block.secondary_cta.url} variant="light">
          {block.secondary_cta.label}
        </ButtonLink>
      ) : null}
    </div>
  );
  const text = (
    <div className={centered ? 'mx-auto max-w-3xl text-center' : 'max-w-xl'}>
      {block.eyebrow ? (
        <p className="mb-4 inline-flex rounded-full bg-white/10 px-3 py-1 text-xs font-semibold uppercase tracking-wider text-accent ring-1 ring-inset ring-white/20">
          {block.eyebrow}
        </p>
      ) : null}
      <h1 className="font-display text-4xl font-extrabold tracking-tight sm:text-5xl lg:text-6xl">
        {block.heading}
      </h1>
      {block.subheading ? (
        <p className="mt-6 text-lg leading-8 opacity-85 sm:text-xl">{block.subheading}</p>
      ) : null}
      {actions}
    </div>
  );
  return (
    <section id={block.anchor} className="relative isolate overflow-hidden bg-secondary text-on-secondary">
      <div
        aria-hidden="true"
        className="absolute inset-0 -z-10 bg-[radial-gradient(60rem_40rem_at_85%_-10%,rgb(var(--color-primary)/0.55),transparent_70%)]"
      />
      <div className="mx-auto grid max-w-site items-center gap-12 px-5 py-20 sm:px-8 sm:py-28 lg:grid-cols-2">
        <div className={centered ? 'lg:col-span-2' : ''}>{text}</div>
        {block.image && !centered ? (
          <figure className="relative">
            <div
              className="absolute -inset-3 -z-10 rounded-[2rem] bg-accent/30 blur-2xl"
              aria-hidden="true"
            />
            <Picture
              src={block.image.url}
              alt={block.image.alt}
              slot={HERO_SLOT}
              className="aspect-[4/3] w-full rounded-3xl object-cover shadow-2xl ring-1 ring-white/10"
              priority
            />
          </figure>
        ) : null}
      </div>
    </section>
  );
}
