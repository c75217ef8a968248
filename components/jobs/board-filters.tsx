import Link from 'next/link';
import { buttonClasses } from '@/components/ui/button';
import { CheckboxField, optionsOf, SelectField } from '@/components/ui/fields';
import { jobPriorityLabels } from '@/db/core/labels';

/** Plain GET filters, so a filtered board is a link an admin can keep. */
export function BoardFilters({
  workers,
  worker,
  priority,
  overdue,
}: {
  workers: { id: string; name: string }[];
  worker?: string;
  priority?: string;
  overdue: boolean;
}) {
  return (
    <form
      method="get"
      action="/jobs"
      className="mb-4 flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-3"
    >
      <SelectField
        label="Worker"
        name="worker"
        id="filter-worker"
        defaultValue={worker ?? ''}
        blank="Everyone"
        options={[
          { value: 'unassigned', label: 'Unassigned' },
          ...workers.map((person) => ({ value: person.id, label: person.name })),
        ]}
      />
      <SelectField
        label="Priority"
        name="priority"
        id="filter-priority"
        defaultValue={priority ?? ''}
        blank="Any"
        options={optionsOf(jobPriorityLabels)}
      />
      <CheckboxField
        label="Overdue only"
        name="overdue"
        value="on"
        defaultChecked={overdue}
        labelClassName="font-medium text-slate-700"
        boxClassName="size-5"
      />
      <button type="submit" className={buttonClasses('primary')}>
        Filter
      </button>
      <Link href="/jobs" className={buttonClasses('ghost')}>
        Clear
      </Link>
    </form>
  );
}
