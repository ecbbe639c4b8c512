import type { HookConfig } from '@directus/types';
import { sharedRedis } from '../cache/redis.js';
import { checkGodEnv } from '../god/env.js';
import { createGodGate } from '../god/gate.js';
import { memoryWindowCounter, redisWindowCounter } from '../throttle/window-counter.js';

/**
 * Mounts the god gate on Directus's express app before its own middleware (authentication, body parser), so a
 * god request is decided, size-checked and audited before Directus reads anything from it.
 */
const godGateHook: HookConfig = ({ init }, { database, env, logger }) => {
  checkGodEnv(env);
  init('middlewares.before', ({ app }) => {
    const redis = sharedRedis(env, logger);
    const deniedCounter = redis ? redisWindowCounter(redis, 'spark:god-denied') : memoryWindowCounter();
    app.use(createGodGate({ database, env, logger, deniedCounter }));
  });
};

export default godGateHook;
