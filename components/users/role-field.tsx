import { controlClasses, SelectField } from '@/components/ui/fields';
import type { UserRole } from '@/db/schema';

export const roleLabels: Record<UserRole, string> = { admin: 'Admin', worker: 'Worker' };

/** The role picker with its label, hint and errors (same layout as TextField). */
export function RoleField({
  defaultValue,
  errors,
  disabled,
  hint,
}: {
  defaultValue?: string;
  errors?: string[];
  disabled?: boolean;
  hint?: string;
}) {
  return (
    <SelectField
      label="Role"
      name="role"
      id="field-role"
      defaultValue={defaultValue ?? 'worker'}
      disabled={disabled}
      errors={errors}
      hint={hint}
      className={`${controlClasses} disabled:bg-slate-100 disabled:text-slate-500`}
      options={[
        { value: 'worker', label: roleLabels.worker },
        { value: 'admin', label: roleLabels.admin },
      ]}
    />
  );
}
