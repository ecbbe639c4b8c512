/** HTML rendered per owner object and variant (see RenderOnce.astro); dropped with the owner. */
const rendered = new WeakMap<object, Map<string, string>>();
/** A bound on variants per owner, so path-dependent keys can never grow one owner's memo without limit. */
const MAX_VARIANTS = 64;

export function renderedOnce(owner: object, variant: string): string | undefined {
  return rendered.get(owner)?.get(variant);
}

export function rememberRendered(owner: object, variant: string, html: string): void {
  const variants = rendered.get(owner) ?? new Map<string, string>();
  if (variants.size >= MAX_VARIANTS) variants.clear();
  variants.set(variant, html);
  rendered.set(owner, variants);
}
