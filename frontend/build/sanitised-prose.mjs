// @ts-check
// Trims the typography plugin's `.prose` rules to the elements content HTML can contain. Every `prose` block
// on a tenant page wraps HTML that went through the allow-list sanitiser (@spark/core sanitizeHtml), which
// emits only the elements below and no attributes but a checked href, so rules for images, tables, code,
// figures or `[class~=lead]` can never match there: about 18 KB of the tenant stylesheet.

/** The sanitiser's ALLOWED_ELEMENTS (a unit test keeps the two lists equal). */
export const SANITISED_ELEMENTS = [
  'p',
  'h2',
  'h3',
  'h4',
  'ul',
  'ol',
  'li',
  'strong',
  'em',
  'a',
  'blockquote',
  'br',
];

const allowed = new Set(SANITISED_ELEMENTS);
/** The opt-out every typography selector ends with; it names no content element. */
const NOT_PROSE = /:not\(:where\([^()]*not-prose[^()]*\)\)/g;
/** A typography element rule: `.prose :where(ul > li)`, `.prose-lg :where(h2 + *)`, `.prose :where(code)::before`. */
const ELEMENT_RULE = /^\.prose(?:-[a-z0-9]+)? :where\(([^()]*)\)(?:::?[a-z-]+)*$/;

/**
 * Whether content HTML can match one selector of a typography rule. Selectors that are not element rules
 * (`.prose`, `.prose-lg`, variant classes such as `prose-a:text-primary`) are always kept.
 * @param {string} selector
 */
export function proseSelectorCanMatch(selector) {
  const inner = ELEMENT_RULE.exec(selector.trim().replace(NOT_PROSE, ''))?.[1];
  if (inner === undefined) return true;
  if (/\[class/.test(inner)) return false;
  const elements = inner.replace(/\[[^\]]*\]/g, '').match(/(?<![\w:.#-])[a-z][a-z0-9]*/g) ?? [];
  return elements.every((name) => allowed.has(name));
}

/**
 * PostCSS plugin. It runs at OnceExit, after Tailwind (which runs once per file) has generated the rules.
 * @returns {import('./sanitised-prose.d.mts').PostcssPlugin}
 */
export function sanitisedProse() {
  return {
    postcssPlugin: 'spark-sanitised-prose',
    OnceExit(root) {
      root.walkRules((rule) => {
        if (!rule.selector.includes('.prose')) return;
        const kept = rule.selectors.filter(proseSelectorCanMatch);
        if (kept.length === 0) rule.remove();
        else if (kept.length < rule.selectors.length) rule.selectors = kept;
      });
    },
  };
}
sanitisedProse.postcss = true;
