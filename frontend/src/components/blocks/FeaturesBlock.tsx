import { gridColumnClasses } from './grid-columns.js';
import { Icon } from './Icon.js';
import type { BlockProps } from './types.js';
import { Section } from './ui.js';

export function FeaturesBlock({ block }: BlockProps<'features'>) {
  return (
    <Section anchor={block.anchor} heading={block.heading} intro={block.intro}>
      <div className={`grid gap-8 ${gridColumnClasses(block.items.length, { large: 3 })}`}>
        {block.items.map((item) => (
          <div key={item.title} className="rounded-2xl p-2">
            <div className="flex h-12 w-12 items-center justify-center rounded-xl bg-primary/10 text-primary">
              <Icon name={item.icon} />
            </div>
            <h3 className="mt-5 font-display text-xl font-semibold">{item.title}</h3>
            <p className="mt-3 leading-7 text-ink/75">{item.body}</p>
          </div>
        ))}
      </div>
    </Section>
  );
}
