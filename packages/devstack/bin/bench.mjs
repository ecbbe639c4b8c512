// @ts-check
// `npm run bench`: prints figures (ratios measured in one run), never fails on a slow machine.
import { prepare, runTypeScript } from '../prepare.mjs';

prepare({ browser: false, tools: ['wrk'] });
runTypeScript('bench.ts', process.argv.slice(2));
