import type { FormFieldData } from './block-data.js';

const INPUT =
  'mt-2 block w-full rounded-xl border-0 bg-surface px-4 py-3 text-ink shadow-sm ring-1 ring-inset ring-ink/20 placeholder:text-ink/40 focus:ring-2 focus:ring-inset focus:ring-primary';

const AUTOCOMPLETE: Record<string, string> = {
  full_name: 'name',
  name: 'name',
  email: 'email',
  phone: 'tel',
};

/** One field of a site form, labelled and wired to its error message for assistive technology. */
export function FormField({
  field,
  formId,
  error,
}: {
  field: FormFieldData;
  formId: string;
  error?: string;
}) {
  const id = `${formId}-${field.name}`;
  const errorId = `${id}-error`;
  const common = {
    id,
    name: field.name,
    required: field.required,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': error ? errorId : undefined,
  };
  if (field.type === 'hidden') return null;
  if (field.type === 'checkbox') {
    return (
      <div className="sm:col-span-2">
        <label htmlFor={id} className="flex items-start gap-3 text-ink/80">
          <input
            {...common}
            type="checkbox"
            className="mt-1 h-5 w-5 rounded border-ink/30 text-primary focus:ring-primary"
          />
          <span>{field.label}</span>
        </label>
        {error ? (
          <p id={errorId} className="mt-1 text-sm text-red-700">
            {error}
          </p>
        ) : null}
      </div>
    );
  }
  const wide = field.type === 'textarea' || field.type === 'select';
  return (
    <div className={wide ? 'sm:col-span-2' : ''}>
      <label htmlFor={id} className="block text-sm font-semibold text-ink">
        {field.label}
        {field.required ? <span className="text-primary"> *</span> : null}
      </label>
      {field.type === 'textarea' ? (
        <textarea {...common} rows={5} maxLength={field.max_length} className={INPUT} />
      ) : field.type === 'select' ? (
        <select {...common} className={INPUT} defaultValue="">
          <option value="" disabled>
            Choose…
          </option>
          {(field.options ?? []).map((option) => (
            <option key={option} value={option}>
              {option}
            </option>
          ))}
        </select>
      ) : (
        <input
          {...common}
          type={field.type}
          maxLength={field.max_length}
          autoComplete={AUTOCOMPLETE[field.name]}
          className={INPUT}
        />
      )}
      {error ? (
        <p id={errorId} className="mt-1 text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
