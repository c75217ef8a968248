import type { ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from 'react';
import { controlClasses, FieldFrame } from '@/components/ui/field';

/** A labelled textarea with its errors underneath (same layout as TextField). */
export function TextAreaField({
  label,
  name,
  errors,
  hint,
  ...props
}: TextareaHTMLAttributes<HTMLTextAreaElement> & { label: string; name: string; errors?: string[]; hint?: ReactNode }) {
  const id = props.id ?? `field-${name}`;
  const invalid = Boolean(errors?.length);
  return (
    <FieldFrame id={id} label={label} errors={errors} hint={hint}>
      <textarea
        id={id}
        name={name}
        aria-invalid={invalid}
        aria-describedby={invalid ? `${id}-error` : undefined}
        className={controlClasses}
        rows={3}
        {...props}
      />
    </FieldFrame>
  );
}

/** A labelled select with its errors underneath. */
export function SelectField({
  label,
  name,
  errors,
  hint,
  options,
  ...props
}: SelectHTMLAttributes<HTMLSelectElement> & {
  label: string;
  name: string;
  errors?: string[];
  hint?: ReactNode;
  options: { value: string; label: string }[];
}) {
  const id = props.id ?? `field-${name}`;
  const invalid = Boolean(errors?.length);
  return (
    <FieldFrame id={id} label={label} errors={errors} hint={hint}>
      <select
        id={id}
        name={name}
        aria-invalid={invalid}
        aria-describedby={invalid ? `${id}-error` : undefined}
        className={controlClasses}
        {...props}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}
