import { useRef } from 'react';
import type { SpintaxIssue } from '../api/client.js';
import { type HighlightKind, spintaxHighlights } from './spintax-highlight.js';

const SPAN_CLASS: Record<HighlightKind, string> = {
  text: 'text-slate-900',
  group: 'bg-amber-100 text-amber-950',
  variable: 'bg-sky-100 text-sky-950',
  escape: 'bg-slate-200 text-slate-900',
};
const ERROR_CLASS = 'bg-red-200 text-red-950 underline decoration-red-700 decoration-wavy';

/** The textarea and its highlight layer share every metric, so the colours sit exactly under the text. */
const SHARED_BOX =
  'm-0 block w-full whitespace-pre-wrap break-words rounded-md border px-3 py-2 font-mono text-sm leading-6';

interface Props {
  value: string;
  onChange(value: string): void;
  issues: SpintaxIssue[];
  /** Variants per line, from the preview (absent while it loads or when the text is invalid). */
  variantsByLine: Map<number, string>;
}

/**
 * Headline patterns, one per line, highlighted as you type: a layer behind a transparent textarea draws the
 * same text with groups, variables and the API's error positions coloured (the textarea stays the one real,
 * labelled control; the layer is hidden from assistive technology, which gets the issues as text). Below,
 * each line's variant count.
 */
export function SpintaxEditor({ value, onChange, issues, variantsByLine }: Props) {
  const lines = value.split('\n');
  const layer = useRef<HTMLPreElement>(null);
  const spans = spintaxHighlights(value, issues);
  return (
    <div className="space-y-2">
      <label htmlFor="patterns" className="block text-sm font-medium text-slate-900">
        Headline patterns (one per line)
      </label>
      <div className="relative">
        <pre
          ref={layer}
          aria-hidden="true"
          data-testid="spintax-highlight"
          className={`${SHARED_BOX} pointer-events-none absolute inset-0 overflow-hidden border-transparent bg-white`}
        >
          {spans.map((span, i) => (
            <span
              // biome-ignore lint/suspicious/noArrayIndexKey: spans of one text in order
              key={i}
              className={span.error ? ERROR_CLASS : SPAN_CLASS[span.kind]}
              data-kind={span.kind}
              data-error={span.error ? 'true' : undefined}
            >
              {span.text}
            </span>
          ))}
          {/* A final line break keeps a trailing empty line as tall as the textarea's. */}
          {'\n'}
        </pre>
        <textarea
          id="patterns"
          value={value}
          onChange={(event) => onChange(event.target.value)}
          onScroll={(event) => {
            if (layer.current) layer.current.scrollTop = event.currentTarget.scrollTop;
          }}
          rows={Math.max(4, lines.length + 1)}
          spellCheck={false}
          aria-invalid={issues.length > 0}
          aria-describedby="patterns-help patterns-issues"
          className={`${SHARED_BOX} relative resize-none border-slate-400 bg-transparent text-transparent caret-slate-900 selection:bg-indigo-200/60 focus:border-indigo-600 focus:outline-none focus:ring-1 focus:ring-indigo-600`}
        />
      </div>
      <p id="patterns-help" className="text-xs text-slate-700">
        {'{A|B}'} picks one option, {'{City}'} fills in a variable: City, State, State_Code, County,
        Avatar_Name, Year, or your niche variables.
      </p>
      <div id="patterns-issues" aria-live="polite">
        {issues.length > 0 ? (
          <ul
            className="space-y-1 rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-900"
            data-testid="spintax-issues"
          >
            {issues.map((issue) => (
              <li key={`${issue.line}:${issue.column}:${issue.message}`}>
                <strong>
                  Line {issue.line}, column {issue.column}:
                </strong>{' '}
                {issue.message.replace(/\s*\(line \d+, column \d+\)/, '')}
              </li>
            ))}
          </ul>
        ) : null}
      </div>
      <ol
        className="space-y-1 rounded-md border border-slate-200 bg-white p-2 font-mono text-xs"
        aria-label="Variants per pattern"
      >
        {lines.map((line, index) =>
          line.trim() === '' ? null : (
            // biome-ignore lint/suspicious/noArrayIndexKey: a line is identified by its number
            <li key={index} className="flex gap-2">
              <span className="w-6 shrink-0 text-right text-slate-600">{index + 1}</span>
              <span className="flex-1 break-words">{line}</span>
              {variantsByLine.has(index + 1) ? (
                <span className="shrink-0 text-slate-700">{variantsByLine.get(index + 1)} variants</span>
              ) : null}
              {issues.some((issue) => issue.line === index + 1) ? (
                <span className="shrink-0 text-red-800">error</span>
              ) : null}
            </li>
          ),
        )}
      </ol>
    </div>
  );
}
