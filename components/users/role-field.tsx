import { controlClasses } from '@/components/ui/fields';
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
  const invalid = Boolean(errors?.length);
  return (
    <div className="space-y-1">
      <label htmlFor="field-role" className="block text-sm font-medium text-slate-700">
        Role
      </label>
      <select
        id="field-role"
        name="role"
        defaultValue={defaultValue ?? 'worker'}
        disabled={disabled}
        aria-invalid={invalid}
        aria-describedby={invalid ? 'field-role-error' : hint ? 'field-role-hint' : undefined}
        className={`${controlClasses} disabled:bg-slate-100 disabled:text-slate-500`}
      >
        <option value="worker">{roleLabels.worker}</option>
        <option value="admin">{roleLabels.admin}</option>
      </select>
      {hint && !invalid ? (
        <p id="field-role-hint" className="text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
      {invalid ? (
        <p id="field-role-error" className="text-sm text-red-600">
          {errors!.join(' ')}
        </p>
      ) : null}
    </div>
  );
}
