import Link from 'next/link';
import { buttonClasses } from '@/components/ui/button';
import { CheckboxField, FilterSelect, optionsOf } from '@/components/ui/fields';
import { jobPriorityLabels } from '@/db/core/labels';

const priorityOptions = optionsOf(jobPriorityLabels);

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
      <FilterSelect
        label="Worker"
        name="worker"
        value={worker}
        blank="Everyone"
        options={[
          { value: 'unassigned', label: 'Unassigned' },
          ...workers.map((person) => ({ value: person.id, label: person.name })),
        ]}
      />
      <FilterSelect label="Priority" name="priority" value={priority} blank="Any" options={priorityOptions} />
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
