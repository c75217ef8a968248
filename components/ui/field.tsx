import type { InputHTMLAttributes, ReactNode } from 'react';

const controlClasses =
  'block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-base shadow-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/30 aria-[invalid=true]:border-red-500';

/** A label, the control, then a hint or the errors (id `${id}-error`, for the control's aria-describedby). */
export function FieldFrame({
  id,
  label,
  errors,
  hint,
  children,
}: {
  id: string;
  label: string;
  errors?: string[];
  hint?: ReactNode;
  children: ReactNode;
}) {
  const invalid = Boolean(errors?.length);
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      {children}
      {hint && !invalid ? <p className="text-xs text-slate-500">{hint}</p> : null}
      {invalid ? (
        <p id={`${id}-error`} className="text-sm text-red-600">
          {errors!.join(' ')}
        </p>
      ) : null}
    </div>
  );
}

/** A labelled input with its errors underneath, wired with aria-describedby. */
export function TextField({
  label,
  name,
  errors,
  hint,
  ...props
}: InputHTMLAttributes<HTMLInputElement> & { label: string; name: string; errors?: string[]; hint?: ReactNode }) {
  const id = props.id ?? `field-${name}`;
  const invalid = Boolean(errors?.length);
  return (
    <FieldFrame id={id} label={label} errors={errors} hint={hint}>
      <input
        id={id}
        name={name}
        aria-invalid={invalid}
        aria-describedby={invalid ? `${id}-error` : undefined}
        className={controlClasses}
        {...props}
      />
    </FieldFrame>
  );
}

export { controlClasses };
