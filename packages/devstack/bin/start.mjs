// @ts-check
// `npm start`: install what is missing, then hand over to the TypeScript orchestrator.
import { prepare, runTypeScript } from '../prepare.mjs';

prepare({ browser: false });
runTypeScript('start.ts', process.argv.slice(2));
