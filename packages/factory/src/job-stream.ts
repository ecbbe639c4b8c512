import { TERMINAL_JOB_STATUSES } from '@spark/jobs';
import type { FactoryDeps } from './deps.js';
import { getJobStatus, type JobStatus } from './jobs.js';
import type { Principal } from './principal.js';

const POLL_MS = 500;
const HEARTBEAT_MS = 15_000;
/** Clients reconnect after this (EventSource does so on its own); no stream holds a connection forever. */
const MAX_STREAM_MS = 10 * 60_000;

const frame = (event: string, data: unknown) => `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;

/**
 * Server-sent events of a job's progress: a `progress` event whenever the stored state changes, then an
 * `end` event when the job is finished. The worker writes progress to generation_jobs after every batch,
 * so polling that row serves any number of workers and frontend instances without extra plumbing.
 */
export async function streamJobStatus(
  deps: FactoryDeps,
  principal: Principal,
  id: string,
  signal: AbortSignal,
): Promise<Response> {
  const first = await getJobStatus(deps, principal, id); // 404 before any stream starts
  const encoder = new TextEncoder();
  let timer: NodeJS.Timeout | undefined;
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      const startedAt = Date.now();
      let last = '';
      let lastSentAt = Date.now();
      let closed = false;
      const close = () => {
        if (closed) return;
        closed = true;
        clearTimeout(timer);
        controller.close();
      };
      signal.addEventListener('abort', close);
      const send = (status: JobStatus) => {
        const serialised = JSON.stringify(status);
        if (serialised !== last) {
          controller.enqueue(encoder.encode(frame('progress', status)));
          last = serialised;
          lastSentAt = Date.now();
        } else if (Date.now() - lastSentAt > HEARTBEAT_MS) {
          controller.enqueue(encoder.encode(': keep-alive\n\n'));
          lastSentAt = Date.now();
        }
        if (TERMINAL_JOB_STATUSES.has(status.status)) {
          controller.enqueue(encoder.encode(frame('end', { status: status.status })));
          close();
        }
      };
      const poll = async () => {
        if (closed) return;
        if (Date.now() - startedAt > MAX_STREAM_MS) return close();
        try {
          send(await getJobStatus(deps, principal, id));
        } catch {
          return close();
        }
        if (!closed) timer = setTimeout(poll, POLL_MS);
      };
      controller.enqueue(encoder.encode('retry: 2000\n\n'));
      send(first);
      if (!closed) timer = setTimeout(poll, POLL_MS);
    },
    cancel() {
      clearTimeout(timer);
    },
  });
  return new Response(body, {
    headers: {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    },
  });
}
