import { describe, expect, it } from 'vitest';
import { parseEventStream } from './event-stream.js';

describe('event stream parser', () => {
  it('returns complete events and keeps a half-received one for the next chunk', () => {
    const first = parseEventStream('retry: 2000\n\nevent: progress\ndata: {"a":1}\n\nevent: end\nda');
    expect(first.events).toEqual([{ event: 'progress', data: '{"a":1}' }]);
    const second = parseEventStream(`${first.rest}ta: {"status":"completed"}\n\n`);
    expect(second.events).toEqual([{ event: 'end', data: '{"status":"completed"}' }]);
    expect(second.rest).toBe('');
  });

  it('ignores comments (keep-alives) and joins multi-line data', () => {
    const { events } = parseEventStream(': keep-alive\n\ndata: one\ndata: two\n\n');
    expect(events).toEqual([{ event: 'message', data: 'one\ntwo' }]);
  });
});
