import Link from 'next/link';
import { buttonClasses } from '@/components/ui/button';
import { controlClasses } from '@/components/ui/fields';
import { jobPriorityLabels } from '@/db/core/labels';
import type { JobPriority } from '@/db/schema';

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
      <div className="space-y-1">
        <label htmlFor="filter-worker" className="block text-sm font-medium text-slate-700">
          Worker
        </label>
        <select id="filter-worker" name="worker" defaultValue={worker ?? ''} className={controlClasses}>
          <option value="">Everyone</option>
          <option value="unassigned">Unassigned</option>
          {workers.map((person) => (
            <option key={person.id} value={person.id}>
              {person.name}
            </option>
          ))}
        </select>
      </div>
      <div className="space-y-1">
        <label htmlFor="filter-priority" className="block text-sm font-medium text-slate-700">
          Priority
        </label>
        <select id="filter-priority" name="priority" defaultValue={priority ?? ''} className={controlClasses}>
          <option value="">Any</option>
          {(Object.keys(jobPriorityLabels) as JobPriority[]).map((value) => (
            <option key={value} value={value}>
              {jobPriorityLabels[value]}
            </option>
          ))}
        </select>
      </div>
      <label className="flex min-h-10 items-center gap-2 text-sm font-medium text-slate-700">
        <input type="checkbox" name="overdue" value="on" defaultChecked={overdue} className="size-5" />
        Overdue only
      </label>
      <button type="submit" className={buttonClasses('primary')}>
        Filter
      </button>
      <Link href="/jobs" className={buttonClasses('ghost')}>
        Clear
      </Link>
    </form>
  );
}
