import { sanitisedProse } from './build/sanitised-prose.mjs';

// The Tailwind integration adds tailwindcss and autoprefixer after these plugins.
export default { plugins: [sanitisedProse()] };
