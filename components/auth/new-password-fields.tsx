import { TextField } from '@/components/ui/fields';

/** A new password and the same again (`confirmPassword`), as first-run setup and the account page ask for them. */
export function NewPasswordFields({
  label,
  name,
  errors,
}: {
  label: string;
  name: string;
  errors: Partial<Record<string, string[]>>;
}) {
  return (
    <>
      <TextField
        label={label}
        name={name}
        type="password"
        required
        autoComplete="new-password"
        hint="8 to 128 characters."
        errors={errors[name]}
      />
      <TextField
        label={`${label} again`}
        name="confirmPassword"
        type="password"
        required
        autoComplete="new-password"
        errors={errors.confirmPassword}
      />
    </>
  );
}
