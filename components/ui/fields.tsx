import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from 'react';

/** The look of every text input, select and textarea, labelled or not. */
export const controlClasses =
  'block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-base shadow-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/30 aria-[invalid=true]:border-red-500';

type FieldProps = {
  label: string;
  name: string;
  errors?: string[];
  hint?: ReactNode;
  /** Classes for the wrapper (label, control, message); `space-y-1` by default. */
  frameClassName?: string;
};

/**
 * A form's field by name: its name, the value it keeps after a refusal and its errors, to spread onto a
 * TextField, TextAreaField or SelectField (`<TextField label="Name" {...field('name')} />`).
 */
export function bindFields<K extends string>(
  values: Partial<Record<K, string>>,
  errors: ((name: K) => string[] | undefined) | Partial<Record<string, string[]>>,
) {
  return (name: K) => ({
    name,
    defaultValue: values[name],
    errors: typeof errors === 'function' ? errors(name) : errors[name],
  });
}

/**
 * A label, the control, then a hint or the errors (ids `${id}-hint` and `${id}-error`, for the control's
 * aria-describedby).
 */
export function FieldFrame({
  id,
  label,
  errors,
  hint,
  className = 'space-y-1',
  children,
}: {
  id: string;
  label: string;
  errors?: string[];
  hint?: ReactNode;
  className?: string;
  children: ReactNode;
}) {
  const invalid = Boolean(errors?.length);
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      {children}
      {hint && !invalid ? (
        <p id={`${id}-hint`} className="text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
      {invalid ? (
        <p id={`${id}-error`} className="text-sm text-red-600">
          {errors!.join(' ')}
        </p>
      ) : null}
    </div>
  );
}

/** The id and aria wiring a labelled control shares with its frame. */
function controlProps(name: string, id: string | undefined, errors: string[] | undefined, hint: ReactNode) {
  const controlId = id ?? `field-${name}`;
  const invalid = Boolean(errors?.length);
  return {
    id: controlId,
    name,
    'aria-invalid': invalid,
    'aria-describedby': invalid ? `${controlId}-error` : hint ? `${controlId}-hint` : undefined,
    className: controlClasses,
  };
}

/** A labelled input with its errors underneath, wired with aria-describedby. */
export function TextField({
  label,
  name,
  errors,
  hint,
  frameClassName,
  ...props
}: InputHTMLAttributes<HTMLInputElement> & FieldProps) {
  const wiring = controlProps(name, props.id, errors, hint);
  return (
    <FieldFrame id={wiring.id} label={label} errors={errors} hint={hint} className={frameClassName}>
      <input {...wiring} {...props} />
    </FieldFrame>
  );
}

/** A labelled textarea with its errors underneath (same layout as TextField). */
export function TextAreaField({
  label,
  name,
  errors,
  hint,
  frameClassName,
  ...props
}: TextareaHTMLAttributes<HTMLTextAreaElement> & FieldProps) {
  const wiring = controlProps(name, props.id, errors, hint);
  return (
    <FieldFrame id={wiring.id} label={label} errors={errors} hint={hint} className={frameClassName}>
      <textarea {...wiring} rows={3} {...props} />
    </FieldFrame>
  );
}

/** A labelled select with its errors underneath. */
export function SelectField({
  label,
  name,
  errors,
  hint,
  frameClassName,
  options,
  ...props
}: SelectHTMLAttributes<HTMLSelectElement> & FieldProps & { options: { value: string; label: string }[] }) {
  const wiring = controlProps(name, props.id, errors, hint);
  return (
    <FieldFrame id={wiring.id} label={label} errors={errors} hint={hint} className={frameClassName}>
      <select {...wiring} {...props}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}
