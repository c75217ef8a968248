import type {
  ComponentProps,
  InputHTMLAttributes,
  ReactNode,
  SelectHTMLAttributes,
  TextareaHTMLAttributes,
} from 'react';

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

/** A labelled control's props split in two: what its frame shows, and the wired control (id, name, aria). */
function splitField<P extends FieldProps & { id?: string }>({ label, name, errors, hint, frameClassName, ...rest }: P) {
  const id = rest.id ?? `field-${name}`;
  const invalid = Boolean(errors?.length);
  const control = {
    name,
    'aria-invalid': invalid,
    'aria-describedby': invalid ? `${id}-error` : hint ? `${id}-hint` : undefined,
    className: controlClasses,
    ...rest,
    id,
  };
  return { frame: { id, label, errors, hint, className: frameClassName }, control };
}

/** A labelled input with its errors underneath, wired with aria-describedby. */
export function TextField(props: InputHTMLAttributes<HTMLInputElement> & FieldProps) {
  const { frame, control } = splitField(props);
  return (
    <FieldFrame {...frame}>
      <input {...control} />
    </FieldFrame>
  );
}

/** A labelled textarea with its errors underneath (same layout as TextField). */
export function TextAreaField(props: TextareaHTMLAttributes<HTMLTextAreaElement> & FieldProps) {
  const { frame, control } = splitField(props);
  return (
    <FieldFrame {...frame}>
      <textarea rows={3} {...control} />
    </FieldFrame>
  );
}

export type SelectOption = { value: string; label: string };

/** A select's options from a wording record (`jobPriorityLabels`), in its order. */
export function optionsOf<K extends string>(labels: Record<K, string>): SelectOption[] {
  return (Object.keys(labels) as K[]).map((value) => ({ value, label: labels[value] }));
}

/** A select's `<option>`s. */
export function Options({ options }: { options: SelectOption[] }) {
  return options.map((option) => (
    <option key={option.value} value={option.value}>
      {option.label}
    </option>
  ));
}

/** A labelled select with its errors underneath; `blank` is the label of a first, empty-valued option. */
export function SelectField({
  options,
  blank,
  ...props
}: SelectHTMLAttributes<HTMLSelectElement> & FieldProps & { options: SelectOption[]; blank?: string }) {
  const { frame, control } = splitField(props);
  return (
    <FieldFrame {...frame}>
      <select {...control}>
        {blank !== undefined ? <option value="">{blank}</option> : null}
        <Options options={options} />
      </select>
    </FieldFrame>
  );
}

/** A select of a GET filter form (`id="filter-<name>"`): the filter's current value, else `blank` (none). */
export function FilterSelect({
  value,
  ...props
}: Omit<ComponentProps<typeof SelectField>, 'id' | 'defaultValue'> & { value: string | undefined }) {
  return <SelectField {...props} id={`filter-${props.name}`} defaultValue={value ?? ''} />;
}

/** A checkbox with its label beside it (filters, confirmations); `boxClassName` sizes the box (`size-4`). */
export function CheckboxField({
  label,
  labelClassName = 'text-slate-700',
  boxClassName = 'size-4',
  ...props
}: InputHTMLAttributes<HTMLInputElement> & { label: ReactNode; labelClassName?: string; boxClassName?: string }) {
  return (
    <label className={`flex min-h-10 items-center gap-2 text-sm ${labelClassName}`}>
      <input type="checkbox" className={boxClassName} {...props} />
      {label}
    </label>
  );
}
