export {
  type AnalysisJobKind,
  addAnalysisJob,
  addGenerationChunks,
  addLeadWebhook,
  addLeadWebhookRedelivery,
  addProcessQueue,
  addResumeChunk,
} from './enqueue.js';
export {
  failGenerationJob,
  finishJob,
  type GenerationJobRow,
  type JobStatusName,
  loadGenerationJob,
  markJobRunning,
  markQueued,
  recordBatchProgress,
  TERMINAL_JOB_STATUSES,
} from './job-state.js';
export { type JobsLog, stderrJobsLog } from './log.js';
export { startAnalysisJob, storedParams } from './params.js';
export { type PrerenderTarget, prerenderPage, renderWantedPages } from './prerender.js';
export { createJobQueues, type JobQueues, type JobQueuesOptions } from './producers.js';
export { createQueueHealthReader, type QueueHealthReader } from './queue-health.js';
export {
  parseJobPayload,
  type QueueWorkerSpec,
  type RunningQueueWorker,
  startQueueWorker,
  unknownJob,
} from './queue-worker.js';
export {
  ENQUEUE_TIMEOUT_MS,
  JOB_OPTIONS,
  maintenanceJobs,
  QUEUES,
  type TrimWorkLogPayload,
} from './queues.js';
export { bumpSiteContent, invalidateSiteContent, type SiteContentChange } from './site-content.js';
