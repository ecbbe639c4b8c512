import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, loggingSettingsFrom } from './logger.js';

function capture() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)) as Record<string, unknown>);
      done();
    },
  });
  return { lines, stream };
}

describe('createLogger', () => {
  it('writes one JSON object per line with the level as a word, the service and child context', () => {
    const { lines, stream } = capture();
    const logger = createLogger('worker', { LOG_LEVEL: 'info' }, stream);
    logger.child({ jobId: 'j1', queue: 'q' }).info({ done: 3 }, 'job completed');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 'info', service: 'worker', jobId: 'j1', queue: 'q', done: 3 });
    expect(lines[0]?.msg).toBe('job completed');
    expect(typeof lines[0]?.time).toBe('string');
  });

  it('honours LOG_LEVEL', () => {
    const { lines, stream } = capture();
    const logger = createLogger('frontend', { LOG_LEVEL: 'warn' }, stream);
    logger.info('hidden');
    logger.warn('shown');
    expect(lines.map((line) => line.msg)).toEqual(['shown']);
  });

  it('never writes secret-named values', () => {
    const { lines, stream } = capture();
    createLogger('frontend', {}, stream).info(
      { password: 'hunter2', call: { authorization: 'Bearer x' } },
      'x',
    );
    expect(JSON.stringify(lines[0])).not.toMatch(/hunter2|Bearer/);
  });
});

describe('loggingSettingsFrom', () => {
  it('defaults to info and picks the format from NODE_ENV unless LOG_FORMAT says', () => {
    expect(loggingSettingsFrom({})).toEqual({ level: 'info', format: 'auto', production: false });
    expect(loggingSettingsFrom({ NODE_ENV: 'production', LOG_LEVEL: '' }).production).toBe(true);
    expect(loggingSettingsFrom({ LOG_FORMAT: 'json', LOG_LEVEL: 'debug' })).toMatchObject({
      level: 'debug',
      format: 'json',
    });
  });

  it('names the variable when a value is wrong', () => {
    expect(() => loggingSettingsFrom({ LOG_LEVEL: 'verbose' })).toThrow(/LOG_LEVEL/);
    expect(() => loggingSettingsFrom({ LOG_FORMAT: 'xml' })).toThrow(/LOG_FORMAT/);
  });
});
