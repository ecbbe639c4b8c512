import type { LibraryRow } from '@spark/contracts/admin';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ApiError } from '../api/client.js';
import { useAdminUi } from '../store.js';
import { Button, Field, inputClass } from '../ui/primitives.js';
import { libraryKey, saveLibraryRow } from './library.queries.js';
import {
  type FieldSpec,
  type FormValues,
  type SectionSpec,
  toFormValues,
  toPayload,
} from './library-fields.js';

/** The field each issue of a refused write names (`terms.2` → `terms`), for messages next to the inputs. */
function fieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError) || !error.details || typeof error.details !== 'object') return {};
  const issues = (error.details as { issues?: { path?: unknown; message?: unknown }[] }).issues ?? [];
  const errors: Record<string, string> = {};
  for (const issue of issues) {
    const field = String(issue.path ?? '').split('.')[0] ?? '';
    if (field && !errors[field]) errors[field] = String(issue.message ?? 'invalid');
  }
  return errors;
}

/** Create or edit one library row; the server (and Directus behind it) judges the values. */
export function RowEditor({
  siteId,
  section,
  row,
  avatars,
  onDone,
}: {
  siteId: string;
  section: SectionSpec;
  row: LibraryRow | null;
  avatars: { id: string; name: string }[];
  onDone(): void;
}) {
  const [values, setValues] = useState<FormValues>(() => toFormValues(section, row));
  const client = useQueryClient();
  const toast = useAdminUi((state) => state.toast);
  const save = useMutation({
    mutationFn: () => saveLibraryRow(siteId, section.collection, row?.id ?? null, toPayload(section, values)),
    meta: { ownErrorToast: true },
    onSuccess: () => {
      toast('success', row ? `Saved the ${section.noun}` : `Created the ${section.noun}`);
      onDone();
    },
    onSettled: () => client.invalidateQueries({ queryKey: libraryKey(siteId, section.collection) }),
  });
  const errors = fieldErrors(save.error);
  const unplaced =
    save.error && Object.keys(errors).every((name) => !section.fields.some((f) => f.name === name));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  const formId = `library-form-${row?.id ?? 'new'}`;
  return (
    <form
      onSubmit={submit}
      aria-label={row ? `Edit ${section.noun}` : `New ${section.noun}`}
      className="space-y-4 rounded-lg border border-indigo-200 bg-white p-4"
    >
      {section.fields.map((field) => (
        <FieldInput
          key={field.name}
          id={`${formId}-${field.name}`}
          field={field}
          value={values[field.name] ?? ''}
          error={errors[field.name]}
          avatars={avatars}
          onChange={(value) => setValues((current) => ({ ...current, [field.name]: value }))}
        />
      ))}
      {unplaced ? (
        <p role="alert" className="text-sm text-red-800">
          {save.error instanceof Error ? save.error.message : 'Not saved'}
        </p>
      ) : null}
      <div className="flex flex-wrap gap-2">
        <Button tone="primary" type="submit" disabled={save.isPending}>
          {row ? 'Save' : `Create ${section.noun}`}
        </Button>
        <Button onClick={onDone}>Cancel</Button>
      </div>
    </form>
  );
}

function FieldInput({
  id,
  field,
  value,
  error,
  avatars,
  onChange,
}: {
  id: string;
  field: FieldSpec;
  value: string | boolean;
  error: string | undefined;
  avatars: { id: string; name: string }[];
  onChange(value: string | boolean): void;
}) {
  const described = error ? { 'aria-invalid': true, 'aria-describedby': `${id}-error` } : {};
  const errorNote = error ? (
    <p id={`${id}-error`} className="text-sm text-red-800">
      {error}
    </p>
  ) : null;
  if (field.kind === 'boolean') {
    return (
      <div className="flex items-center gap-2">
        <input
          id={id}
          type="checkbox"
          checked={value === true}
          onChange={(event) => onChange(event.target.checked)}
          className="h-5 w-5"
        />
        <label htmlFor={id} className="text-sm font-medium text-slate-900">
          {field.label}
        </label>
      </div>
    );
  }
  const text = typeof value === 'string' ? value : '';
  let input: JSX.Element;
  if (field.kind === 'avatar') {
    input = (
      <select
        id={id}
        value={text}
        onChange={(event) => onChange(event.target.value)}
        className={inputClass}
        {...described}
      >
        <option value="">{field.optional ? 'Any avatar' : 'Choose an avatar'}</option>
        {avatars.map((avatar) => (
          <option key={avatar.id} value={avatar.id}>
            {avatar.name}
          </option>
        ))}
      </select>
    );
  } else if (field.kind === 'textarea' || field.kind === 'lines' || field.kind === 'pairs') {
    input = (
      <textarea
        id={id}
        value={text}
        rows={field.kind === 'textarea' ? 6 : 4}
        onChange={(event) => onChange(event.target.value)}
        className={`${inputClass} font-mono`}
        {...described}
      />
    );
  } else {
    input = (
      <input
        id={id}
        type={field.kind === 'number' ? 'number' : 'text'}
        value={text}
        onChange={(event) => onChange(event.target.value)}
        className={inputClass}
        {...described}
      />
    );
  }
  return (
    <Field label={field.label} htmlFor={id} hint={field.hint}>
      {input}
      {errorNote}
    </Field>
  );
}
