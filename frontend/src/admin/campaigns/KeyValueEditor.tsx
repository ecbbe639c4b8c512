import { Button, inputClass } from '../ui/primitives.js';

interface Props {
  rows: { key: string; value: string }[];
  onChange(rows: { key: string; value: string }[]): void;
}

/** Niche variables as rows of name and value; `{Name}` in a pattern is replaced by the value. */
export function KeyValueEditor({ rows, onChange }: Props) {
  const update = (index: number, patch: Partial<{ key: string; value: string }>) =>
    onChange(rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-medium text-slate-900">Niche variables</legend>
      {rows.map((row, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place; the key may be blank
        <div key={index} className="flex flex-wrap gap-2 sm:flex-nowrap">
          <input
            aria-label={`Variable ${index + 1} name`}
            value={row.key}
            onChange={(event) => update(index, { key: event.target.value })}
            placeholder="Name"
            className={`${inputClass} sm:w-40`}
          />
          <input
            aria-label={`Variable ${index + 1} value`}
            value={row.value}
            onChange={(event) => update(index, { value: event.target.value })}
            placeholder="Value"
            className={inputClass}
          />
          <Button
            onClick={() => onChange(rows.filter((_, i) => i !== index))}
            aria-label={`Remove variable ${index + 1}`}
          >
            Remove
          </Button>
        </div>
      ))}
      <Button onClick={() => onChange([...rows, { key: '', value: '' }])}>Add variable</Button>
    </fieldset>
  );
}
