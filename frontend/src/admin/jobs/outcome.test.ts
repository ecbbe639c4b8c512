import { describe, expect, it } from 'vitest';
import { jobOutcome } from './outcome.js';

const job = { status: 'completed', total: 10, processed: 10, failed: 0, error: null };

describe('jobOutcome', () => {
  it('calls a run without failures plainly completed, with no reasons', () => {
    expect(jobOutcome(job)).toEqual({ label: 'completed', tone: 'ok', reasons: [] });
  });

  it('says how many failed when a completed run had failures, with the first reasons', () => {
    const outcome = jobOutcome({
      ...job,
      processed: 7,
      failed: 3,
      error: 'a\n\nb\nc\nd',
    });
    expect(outcome).toEqual({
      label: 'completed with 3 failures',
      tone: 'warning',
      reasons: ['a', 'b', 'c'],
    });
    expect(jobOutcome({ ...job, processed: 9, failed: 1, error: 'x' }).label).toBe(
      'completed with 1 failure',
    );
  });

  it('says every headline failed when nothing was made', () => {
    expect(jobOutcome({ ...job, status: 'failed', processed: 0, failed: 10, error: 'bad token' })).toEqual({
      label: 'failed: all 10 failed',
      tone: 'error',
      reasons: ['bad token'],
    });
  });

  it('keeps the live status of a running job', () => {
    expect(jobOutcome({ ...job, status: 'running', processed: 2 }).label).toBe('running');
  });
});
