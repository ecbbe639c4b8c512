import { useId, useState } from 'react';
import { Icon } from './Icon.js';
import type { BlockProps } from './types.js';
import { Section } from './ui.js';

/**
 * An accordion: one answer open at a time, the first open on arrival so the block reads well before (or
 * without) hydration. Its FAQPage JSON-LD is written into <head> by the page (see seo/page-meta.ts).
 */
export function FaqBlock({ block }: BlockProps<'faq'>) {
  const [open, setOpen] = useState<number | null>(0);
  const baseId = useId();
  return (
    <Section anchor={block.anchor} heading={block.heading} tone="muted" narrow>
      <div className="divide-y divide-ink/10 overflow-hidden rounded-2xl bg-surface shadow-sm ring-1 ring-ink/10">
        {block.items.map((item, index) => {
          const expanded = open === index;
          const buttonId = `${baseId}-q${index}`;
          const panelId = `${baseId}-a${index}`;
          return (
            <div key={item.question}>
              <h3>
                <button
                  type="button"
                  id={buttonId}
                  aria-expanded={expanded}
                  aria-controls={panelId}
                  onClick={() => setOpen(expanded ? null : index)}
                  className="flex w-full items-center justify-between gap-6 px-6 py-5 text-left font-display text-lg font-semibold transition hover:bg-ink/[0.03] focus-visible:outline focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-primary"
                >
                  <span>{item.question}</span>
                  <Icon
                    name="chevron-down"
                    className={`h-5 w-5 shrink-0 text-primary transition-transform ${expanded ? 'rotate-180' : ''}`}
                  />
                </button>
              </h3>
              <section
                id={panelId}
                aria-labelledby={buttonId}
                hidden={!expanded}
                className="px-6 pb-6 leading-7 text-ink/75"
              >
                {item.answer}
              </section>
            </div>
          );
        })}
      </div>
    </Section>
  );
}
