import type { SpintaxIssue } from '../api/client.js';
import { inputClass } from '../ui/primitives.js';
import { spintaxTokens } from './campaign-form.js';

const TOKEN_CLASS = {
  text: 'text-slate-800',
  group: 'bg-amber-100 text-amber-950',
  variable: 'bg-sky-100 text-sky-950',
};

interface Props {
  value: string;
  onChange(value: string): void;
  issues: SpintaxIssue[];
  /** Variants per line, from the preview (absent while it loads or when the text is invalid). */
  variantsByLine: Map<number, string>;
}

/**
 * Headline patterns, one per line. Below the textarea every line is echoed with its groups and variables
 * highlighted, its variant count, and the API's errors at their line and column.
 */
export function SpintaxEditor({ value, onChange, issues, variantsByLine }: Props) {
  const lines = value.split('\n');
  return (
    <div className="space-y-2">
      <label htmlFor="patterns" className="block text-sm font-medium text-slate-900">
        Headline patterns (one per line)
      </label>
      <textarea
        id="patterns"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        rows={Math.max(4, lines.length + 1)}
        spellCheck={false}
        aria-invalid={issues.length > 0}
        aria-describedby="patterns-help patterns-issues"
        className={`${inputClass} font-mono`}
      />
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
        aria-label="Patterns highlighted"
      >
        {lines.map((line, index) =>
          line.trim() === '' ? null : (
            // biome-ignore lint/suspicious/noArrayIndexKey: a line is identified by its number
            <li key={index} className="flex gap-2">
              <span className="w-6 shrink-0 text-right text-slate-600">{index + 1}</span>
              <span className="flex-1 break-words">
                {spintaxTokens(line).map((token, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: tokens of one line in order
                  <span key={i} className={`rounded-sm ${TOKEN_CLASS[token.kind]}`}>
                    {token.text}
                  </span>
                ))}
              </span>
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
