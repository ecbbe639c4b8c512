/** The part of PostCSS's API the plugin uses (postcss itself is a dependency of the Tailwind integration). */
interface CssRule {
  selector: string;
  selectors: string[];
  remove(): void;
}
export interface PostcssPlugin {
  postcssPlugin: string;
  OnceExit(root: { walkRules(visit: (rule: CssRule) => void): void }): void;
}

export const SANITISED_ELEMENTS: readonly string[];
export function proseSelectorCanMatch(selector: string): boolean;
export function sanitisedProse(): PostcssPlugin;
