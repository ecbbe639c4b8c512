import type { BlockProps } from './types.js';
import { SanitizedHtml, Section } from './ui.js';

const GRID: Record<number, string> = {
  2: 'md:grid-cols-2',
  3: 'md:grid-cols-3',
  4: 'md:grid-cols-2 lg:grid-cols-4',
};

export function ColumnsBlock({ block }: BlockProps<'columns'>) {
  return (
    <Section anchor={block.anchor} heading={block.heading} tone="muted">
      <div className={`grid gap-6 ${GRID[block.columns.length] ?? 'md:grid-cols-2'}`}>
        {block.columns.map((column, index) => (
          <article
            key={column.heading ?? index}
            className="rounded-2xl bg-surface p-8 shadow-sm ring-1 ring-ink/10"
          >
            <span className="mb-5 block h-1 w-10 rounded-full bg-primary" aria-hidden="true" />
            {column.heading ? <h3 className="font-display text-xl font-semibold">{column.heading}</h3> : null}
            <SanitizedHtml
              html={column.html}
              className="prose mt-3 max-w-none text-ink/80 prose-a:text-primary prose-strong:text-ink"
            />
          </article>
        ))}
      </div>
    </Section>
  );
}
