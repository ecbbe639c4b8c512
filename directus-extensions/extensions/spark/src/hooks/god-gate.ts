import type { HookConfig } from '@directus/types';
import { createGodGate } from '../god/gate.js';

/**
 * Mounts the god gate on Directus's express app before its own middleware (authentication, body parser), so a
 * god request is decided, size-checked and audited before Directus reads anything from it.
 */
const godGateHook: HookConfig = ({ init }, { database, env, logger }) => {
  init('middlewares.before', ({ app }) => {
    app.use(createGodGate({ database, env, logger }));
  });
};

export default godGateHook;
