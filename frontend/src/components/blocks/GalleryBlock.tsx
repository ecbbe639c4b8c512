import { gridColumnClasses } from './grid-columns.js';
import type { BlockProps } from './types.js';
import { Section } from './ui.js';

export function GalleryBlock({ block }: BlockProps<'gallery'>) {
  return (
    <Section anchor={block.anchor} heading={block.heading} tone="muted">
      <div className={`grid gap-6 ${gridColumnClasses(block.images.length, { large: 3 })}`}>
        {block.images.map((image) => (
          <figure
            key={image.url}
            className="group overflow-hidden rounded-2xl bg-surface shadow-sm ring-1 ring-ink/10"
          >
            <img
              src={image.url}
              alt={image.alt}
              loading="lazy"
              decoding="async"
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
