import { Picture } from '../images/Picture.js';
import type { ImageSlot } from '../images/responsive-image.js';
import { columnsFor, gridColumnClasses } from './grid-columns.js';
import type { BlockProps } from './types.js';
import { Section } from './ui.js';

/** One grid cell: the columns gridColumnClasses picks for this many images, 24 px gaps, 1152 px container. */
function gallerySlot(count: number): ImageSlot {
  const desktop = columnsFor(count, 3, 4);
  const tablet = columnsFor(count, Math.min(2, desktop), desktop);
  const widest = Math.floor((1152 - 24 * (desktop - 1)) / desktop);
  return {
    aspect: [4, 3],
    sizes: `(min-width: 1216px) ${widest}px, (min-width: 1024px) calc((100vw - 4rem) / ${desktop}), (min-width: 768px) calc((100vw - 4rem) / ${tablet}), calc(100vw - 2.5rem)`,
    maxWidth: 1280,
  };
}

export function GalleryBlock({ block }: BlockProps<'gallery'>) {
  const slot = gallerySlot(block.images.length);
  return (
    <Section anchor={block.anchor} heading={block.heading} tone="muted">
      <div className={`grid gap-6 ${gridColumnClasses(block.images.length, { large: 3 })}`}>
        {block.images.map((image) => (
          <figure
            key={image.url}
            className="group overflow-hidden rounded-2xl bg-surface shadow-sm ring-1 ring-ink/10"
          >
            <Picture
              src={image.url}
              alt={image.alt}
              slot={slot}
              className="aspect-[4/3] w-full object-cover transition duration-500 group-hover:scale-105"
            />
            {image.caption ? (
              <figcaption className="px-5 py-4 text-sm text-ink/70">{image.caption}</figcaption>
            ) : null}
          </figure>
        ))}
      </div>
    </Section>
  );
}
