import { Picture } from '../images/Picture.js';
import type { ImageSlot } from '../images/responsive-image.js';
import type { BlockProps } from './types.js';
import { Section } from './ui.js';

/** `max-w-5xl` (1024 px) inside the site container's padding. */
const MEDIA_SLOT: ImageSlot = {
  aspect: [16, 9],
  sizes: '(min-width: 1088px) 1024px, calc(100vw - 4rem)',
  maxWidth: 1920,
};

export function MediaBlock({ block }: BlockProps<'media'>) {
  return (
    <Section anchor={block.anchor}>
      <figure className="mx-auto max-w-5xl">
        {block.kind === 'video' ? (
          // biome-ignore lint/a11y/useMediaCaption: captions belong to the uploaded file; the caption text is below
          <video src={block.url} controls preload="metadata" className="w-full rounded-3xl shadow-lg" />
        ) : (
          <Picture
            src={block.url}
            alt={block.alt}
            slot={MEDIA_SLOT}
            className="aspect-[16/9] w-full rounded-3xl object-cover shadow-lg ring-1 ring-ink/10"
          />
        )}
        {block.caption ? (
          <figcaption className="mt-4 text-center text-sm text-ink/60">{block.caption}</figcaption>
        ) : null}
      </figure>
    </Section>
  );
}
