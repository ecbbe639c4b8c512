/**
 * Tenant themes are CSS variables set per site from its globals (SiteLayout), as space-separated RGB channels
 * so Tailwind's opacity modifiers (`bg-primary/10`) keep working. The platform pages use the stock palette.
 */
const themed = (name) => `rgb(var(--color-${name}) / <alpha-value>)`;

/** The theme both stylesheets share, so a class means the same thing on tenant and admin pages. */
export const sharedTheme = {
  extend: {
    colors: {
      primary: themed('primary'),
      'on-primary': themed('on-primary'),
      secondary: themed('secondary'),
      'on-secondary': themed('on-secondary'),
      accent: themed('accent'),
      'on-accent': themed('on-accent'),
      surface: themed('surface'),
      ink: themed('ink'),
    },
    fontFamily: {
      display: ['"Segoe UI Variable Display"', '"Segoe UI"', 'system-ui', 'sans-serif'],
    },
    maxWidth: { site: '76rem' },
  },
};

/** Tests hold class names as fixtures; scanning them would ship classes no page uses. */
export const NOT_SCANNED = '!./src/**/*.test.{ts,tsx}';
