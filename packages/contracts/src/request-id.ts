import { z } from 'zod';

/**
 * A request id as it travels in `X-Request-Id`, in log lines and in job payloads: 1–128 characters of letters,
 * digits and `._:=-`, starting with a letter or digit. Narrow on purpose: the value is echoed in a response header
 * and written into JSON logs, so nothing that could split a header or forge a log field gets through.
 */
export const REQUEST_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:=-]{0,127}$/;

export const requestIdSchema = z.string().regex(REQUEST_ID_PATTERN, 'not a valid request id');

/** The optional field producers add to a job payload so the worker's lines for that job carry the request id. */
export const jobRequestId = { requestId: requestIdSchema.optional() };
