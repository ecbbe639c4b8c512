import type { ReactNode } from 'react';

/** Layout and button primitives shared by the block components; purely presentational. */

type Tone = 'plain' | 'muted' | 'dark';

const TONES: Record<Tone, string> = {
  plain: 'bg-surface text-ink',
  muted: 'bg-ink/[0.03] text-ink',
  dark: 'bg-secondary text-on-secondary',
};

interface SectionProps {
  anchor?: string | undefined;
  heading?: string | undefined;
  intro?: string | undefined;
  tone?: Tone;
  narrow?: boolean;
  children: ReactNode;
}

export function Section({ anchor, heading, intro, tone = 'plain', narrow = false, children }: SectionProps) {
  return (
    <section id={anchor} className={`${TONES[tone]} scroll-mt-24 py-16 sm:py-20`}>
      <div className={`mx-auto px-5 sm:px-8 ${narrow ? 'max-w-3xl' : 'max-w-site'}`}>
        {heading ? <SectionHeading heading={heading} intro={intro} /> : null}
        {children}
      </div>
    </section>
  );
}

export function SectionHeading({ heading, intro }: { heading: string; intro?: string | undefined }) {
  return (
    <div className="mb-10 max-w-2xl">
      <h2 className="font-display text-3xl font-bold tracking-tight sm:text-4xl">{heading}</h2>
      {intro ? <p className="mt-4 text-lg opacity-80">{intro}</p> : null}
    </div>
  );
}

type ButtonVariant = 'primary' | 'secondary' | 'accent' | 'light';

const BUTTONS: Record<ButtonVariant, string> = {
  primary: 'bg-primary text-on-primary shadow-sm hover:brightness-110',
  secondary: 'bg-transparent text-current ring-1 ring-inset ring-current/30 hover:bg-ink/5',
  accent: 'bg-accent text-on-accent shadow-sm hover:brightness-105',
  light: 'bg-white/10 text-current ring-1 ring-inset ring-white/40 hover:bg-white/20',
};

export function ButtonLink({
  href,
  children,
  variant = 'primary',
}: {
  href: string;
  children: ReactNode;
  variant?: ButtonVariant;
}) {
  return (
    <a
      href={href}
      className={`${BUTTONS[variant]} inline-flex items-center justify-center gap-2 rounded-full px-6 py-3 text-sm font-semibold transition focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-primary`}
    >
      {children}
    </a>
  );
}

/** HTML that parseBlocks already passed through the allow-list sanitiser on the server. */
export function SanitizedHtml({ html, className }: { html: string; className?: string }) {
  // biome-ignore lint/security/noDangerouslySetInnerHtml: sanitised by @spark/core's allow-list in parseBlocks
  return <div className={className} dangerouslySetInnerHTML={{ __html: html }} />;
}

export const PROSE =
  'prose prose-lg max-w-none text-ink prose-headings:font-display prose-headings:text-ink prose-a:text-primary prose-strong:text-ink prose-blockquote:border-primary';
