import { counter, histogram, LATENCY_BUCKETS } from '@spark/observability';

/** Request latency by method, route pattern and status: the series operators alert on. */
export const httpRequestDuration = histogram(
  'spark_http_request_duration_seconds',
  'Time from receiving an HTTP request to the end of its response, by route pattern and status',
  ['method', 'route', 'status'],
  LATENCY_BUCKETS,
);

/** Tenant page-cache lookups; hit ratio = hit / (hit + miss). */
export const pageCacheLookups = counter(
  'spark_page_cache_lookups_total',
  'Tenant page cache lookups by result (hit: served from memory, store: from the render store, miss: rendered)',
  ['result'],
);
