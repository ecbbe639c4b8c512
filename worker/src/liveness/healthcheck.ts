import { isHeartbeatFresh } from './heartbeat.js';

/**
 * The worker container's healthcheck: exit 0 while the running worker's heartbeat file is fresh. Reads only the
 * file (no connections), so a check costs a process start and one stat.
 */
const file = process.env.WORKER_HEARTBEAT_FILE;
if (!file) {
  console.error('WORKER_HEARTBEAT_FILE is not set');
  process.exit(2);
}
process.exit((await isHeartbeatFresh(file)) ? 0 : 1);
