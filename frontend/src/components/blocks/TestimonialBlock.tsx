import { gridColumnClasses } from './grid-columns.js';
import { Stars } from './Icon.js';
import type { BlockProps } from './types.js';
import { Section } from './ui.js';

export function TestimonialBlock({ block }: BlockProps<'testimonial'>) {
  return (
    <Section anchor={block.anchor} heading={block.heading} tone="muted">
      <div className={`grid gap-6 ${gridColumnClasses(block.items.length, { large: 2 })}`}>
        {block.items.map((item) => (
          <figure
            key={item.author + item.quote.slice(0, 20)}
            className="flex flex-col rounded-2xl bg-surface p-8 shadow-sm ring-1 ring-ink/10"
          >
            {item.rating ? <Stars rating={item.rating} /> : null}
            <blockquote className="mt-4 flex-1 text-lg leading-8 text-ink/85">“{item.quote}”</blockquote>
            <figcaption className="mt-6 flex items-center gap-3">
              <span className="flex h-10 w-10 items-center justify-center rounded-full bg-secondary font-semibold text-on-secondary">
                {item.author.charAt(0)}
              </span>
              <span>
                <span className="block font-semibold">{item.author}</span>
                {item.role ? <span className="block text-sm text-ink/60">{item.role}</span> : null}
              </span>
            </figcaption>
          </figure>
        ))}
      </div>
    </Section>
  );
}
