import { gridColumnClasses } from './grid-columns.js';
import type { BlockProps } from './types.js';

export function StatsBlock({ block }: BlockProps<'stats'>) {
  return (
    <section id={block.anchor} className="border-y border-ink/10 bg-surface py-12">
      <div className="mx-auto max-w-site px-5 sm:px-8">
        {block.heading ? (
          <h2 className="mb-8 text-center font-display text-2xl font-bold">{block.heading}</h2>
        ) : null}
        <dl
          className={`grid gap-8 text-center ${gridColumnClasses(block.items.length, { base: 2, large: 4 })}`}
        >
          {block.items.map((item) => (
            <div key={item.label} className="flex flex-col-reverse gap-1">
              <dt className="text-sm font-medium text-ink/60">{item.label}</dt>
              <dd className="font-display text-3xl font-extrabold tracking-tight text-primary sm:text-4xl">
                {item.value}
              </dd>
            </div>
          ))}
        </dl>
      </div>
    </section>
  );
}
