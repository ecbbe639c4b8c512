// @ts-check
// `npm test`: every suite (lint, types, unit, integration, end-to-end) against a throwaway stack.
import { prepare, runTypeScript } from '../prepare.mjs';

prepare({ browser: true });
runTypeScript('test.ts', process.argv.slice(2));
