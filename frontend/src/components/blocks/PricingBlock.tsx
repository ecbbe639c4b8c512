import { gridColumnClasses } from './grid-columns.js';
import { Icon } from './Icon.js';
import type { BlockProps } from './types.js';
import { ButtonLink, Section } from './ui.js';

export function PricingBlock({ block }: BlockProps<'pricing'>) {
  return (
    <Section anchor={block.anchor} heading={block.heading}>
      <div className={`grid max-w-5xl gap-6 ${gridColumnClasses(block.plans.length, { large: 3 })}`}>
        {block.plans.map((plan) => (
          <div
            key={plan.name}
            className={`flex flex-col rounded-3xl p-8 ${
              plan.highlighted
                ? 'bg-secondary text-on-secondary shadow-xl ring-2 ring-primary'
                : 'bg-surface shadow-sm ring-1 ring-ink/10'
            }`}
          >
            <div className="flex items-center justify-between gap-4">
              <h3 className="font-display text-lg font-semibold">{plan.name}</h3>
              {plan.highlighted ? (
                <span className="rounded-full bg-accent px-3 py-1 text-xs font-semibold text-on-accent">
                  Popular
                </span>
              ) : null}
            </div>
            <p className="mt-5 flex items-baseline gap-2">
              <span className="font-display text-4xl font-bold tracking-tight">{plan.price}</span>
              {plan.period ? <span className="text-sm opacity-70">{plan.period}</span> : null}
            </p>
            <ul className="mt-6 flex-1 space-y-3">
              {plan.features.map((feature) => (
                <li key={feature} className="flex gap-3">
                  <Icon name="check" className="mt-0.5 h-5 w-5 shrink-0 text-primary" />
                  <span className="opacity-90">{feature}</span>
                </li>
              ))}
            </ul>
            {plan.cta ? (
              <div className="mt-8">
                <ButtonLink href={plan.cta.url} variant={plan.highlighted ? 'accent' : 'primary'}>
                  {plan.cta.label}
                </ButtonLink>
              </div>
            ) : null}
          </div>
        ))}
      </div>
    </Section>
  );
}
