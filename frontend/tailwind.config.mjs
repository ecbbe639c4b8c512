import typography from '@tailwindcss/typography';

/**
 * Tenant themes are CSS variables set per site from its globals (SiteLayout), as space-separated RGB channels
 * so Tailwind's opacity modifiers (`bg-primary/10`) keep working. The platform pages use the stock palette.
 */
const themed = (name) => `rgb(var(--color-${name}) / <alpha-value>)`;

/** @type {import('tailwindcss').Config} */
export default {
  content: ['./src/**/*.{astro,html,js,jsx,ts,tsx}'],
  theme: {
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
  },
  plugins: [typography],
};
