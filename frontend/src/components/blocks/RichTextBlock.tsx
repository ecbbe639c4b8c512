import type { BlockProps } from './types.js';
import { PROSE, SanitizedHtml, Section } from './ui.js';

export function RichTextBlock({ block }: BlockProps<'rich_text'>) {
  return (
    <Section anchor={block.anchor} narrow>
      <SanitizedHtml html={block.html} className={PROSE} />
    </Section>
  );
}
