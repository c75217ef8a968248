import type { ReactNode } from 'react';
import { TextField } from '@/components/ui/fields';

/** The password an admin sets for someone (a new user's first one, a reset): 8 to 128 characters. */
export function SetPasswordField({
  label,
  defaultValue,
  errors,
  hint,
}: {
  label: string;
  defaultValue?: string;
  errors?: string[];
  hint: ReactNode;
}) {
  return (
    <TextField
      label={label}
      name="password"
      type="password"
      autoComplete="new-password"
      required
      minLength={8}
      maxLength={128}
      defaultValue={defaultValue}
      errors={errors}
      hint={hint}
    />
  );
}
