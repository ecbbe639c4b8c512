import type { DayRange } from '@spark/core';
import { useState } from 'react';
import { inputClass } from '../ui/primitives.js';
import { customRangeProblem, presetRange, RANGE_PRESETS, type RangePreset } from './date-range.js';

/** Presets apply at once; a custom range applies when both days are valid (the form says why not). */
export function RangePicker({ value, onChange }: { value: DayRange; onChange: (range: DayRange) => void }) {
  const [preset, setPreset] = useState<RangePreset>('30d');
  const [custom, setCustom] = useState<DayRange>(value);
  const problem = preset === 'custom' ? customRangeProblem(custom) : null;
  const choose = (next: RangePreset) => {
    setPreset(next);
    if (next === 'custom') setCustom(value);
    else onChange(presetRange(next, new Date()));
  };
  const edit = (next: DayRange) => {
    setCustom(next);
    if (!customRangeProblem(next)) onChange(next);
  };
  return (
    <fieldset className="flex flex-wrap items-end gap-3">
      <legend className="sr-only">Date range</legend>
      <div className="space-y-1">
        <label htmlFor="range-preset" className="block text-sm font-medium text-slate-900">
          Range
        </label>
        <select
          id="range-preset"
          value={preset}
          onChange={(event) => choose(event.target.value as RangePreset)}
          className={inputClass}
        >
          {RANGE_PRESETS.map((option) => (
            <option key={option.id} value={option.id}>
              {option.label}
            </option>
          ))}
        </select>
      </div>
      {preset === 'custom' ? (
        <>
          <div className="space-y-1">
            <label htmlFor="range-from" className="block text-sm font-medium text-slate-900">
              From
            </label>
            <input
              id="range-from"
              type="date"
              value={custom.from}
              onChange={(event) => edit({ ...custom, from: event.target.value })}
              className={inputClass}
              aria-describedby={problem ? 'range-problem' : undefined}
            />
          </div>
          <div className="space-y-1">
            <label htmlFor="range-to" className="block text-sm font-medium text-slate-900">
              To
            </label>
            <input
              id="range-to"
              type="date"
              value={custom.to}
              onChange={(event) => edit({ ...custom, to: event.target.value })}
              className={inputClass}
              aria-describedby={problem ? 'range-problem' : undefined}
            />
          </div>
          {problem ? (
            <p id="range-problem" role="alert" className="text-sm text-red-900">
              {problem}
            </p>
          ) : null}
        </>
      ) : null}
      <p className="text-sm text-slate-700" aria-live="polite">
        {value.from} to {value.to} (UTC)
      </p>
    </fieldset>
  );
}
