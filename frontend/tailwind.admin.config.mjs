import { NOT_SCANNED, sharedTheme } from './tailwind.theme.mjs';

/**
 * The admin stylesheet (src/styles/admin.css): the React admin app and its page frames. The article preview
 * renders inside the tenant layout and so uses the tenant stylesheet.
 * @type {import('tailwindcss').Config}
 */
export default {
  content: [
    './src/admin/**/*.{ts,tsx}',
    './src/layouts/Admin.astro',
    './src/pages/admin/**/*.astro',
    NOT_SCANNED,
  ],
  theme: sharedTheme,
};
