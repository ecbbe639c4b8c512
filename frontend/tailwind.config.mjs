import typography from '@tailwindcss/typography';
import { NOT_SCANNED, sharedTheme } from './tailwind.theme.mjs';

/**
 * The tenant stylesheet (src/styles/site.css): only the files that render tenant pages are scanned, so
 * visitors never download the admin's classes (the admin has its own config and stylesheet). Content HTML
 * carries no classes — the sanitiser drops every attribute but a checked href — and is styled through the
 * typography plugin's `prose` classes that the wrapping components set. Nothing is safelisted: every class a
 * tenant page can show is written literally in these files.
 * @type {import('tailwindcss').Config}
 */
export default {
  content: [
    './src/components/**/*.{astro,ts,tsx}',
    './src/layouts/{Base,SiteLayout}.astro',
    './src/pages/**/*.astro',
    '!./src/pages/admin/**',
    NOT_SCANNED,
  ],
  theme: sharedTheme,
  plugins: [typography],
};
