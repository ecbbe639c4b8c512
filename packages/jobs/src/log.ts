/**
 * The log calls the shared job code makes. A pino logger fits it, so each app hands in its own (the frontend a
 * per-request child, the worker its per-job child); the fallback writes one JSON line to stderr, never nothing.
 */
export interface JobsLog {
  warn(fields: Record<string, unknown>, message: string): void;
  error(fields: Record<string, unknown>, message: string): void;
}

const line = (level: 'warn' | 'error') => (fields: Record<string, unknown>, message: string) => {
  const err = fields.err instanceof Error ? { message: fields.err.message } : fields.err;
  console.error(JSON.stringify({ level, time: new Date().toISOString(), ...fields, err, msg: message }));
};

export const stderrJobsLog: JobsLog = { warn: line('warn'), error: line('error') };
