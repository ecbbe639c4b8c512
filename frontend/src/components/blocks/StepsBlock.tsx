import { gridColumnClasses } from './grid-columns.js';
import type { BlockProps } from './types.js';
import { Section } from './ui.js';

export function StepsBlock({ block }: BlockProps<'steps'>) {
  return (
    <Section anchor={block.anchor} heading={block.heading}>
      <ol className={`grid gap-6 ${gridColumnClasses(block.items.length, { large: 4 })}`}>
        {block.items.map((item, index) => (
          <li key={item.title} className="relative rounded-2xl bg-ink/[0.03] p-6 ring-1 ring-ink/10">
            <span className="flex h-10 w-10 items-center justify-center rounded-full bg-primary font-display text-lg font-bold text-on-primary">
              {index + 1}
            </span>
            <h3 className="mt-5 font-display text-lg font-semibold">{item.title}</h3>
            <p className="mt-2 leading-7 text-ink/75">{item.body}</p>
          </li>
        ))}
      </ol>
    </Section>
  );
}
