import { buttonClasses } from '@/components/ui/button';
import { TextField } from '@/components/ui/fields';

/** A plain GET form: the search and the filter live in the address, so a result page can be bookmarked. */
export function UsersSearch({ q, showDeactivated }: { q: string; showDeactivated: boolean }) {
  return (
    <form method="get" action="/users" role="search" className="mb-4 flex flex-wrap items-end gap-3">
      <input type="hidden" name="filtered" value="1" />
      <TextField
        label="Search"
        name="q"
        id="users-q"
        type="search"
        defaultValue={q}
        placeholder="Name or email"
        frameClassName="min-w-64 flex-1 space-y-1"
      />
      <label className="flex min-h-10 items-center gap-2 text-sm text-slate-700">
        <input type="checkbox" name="inactive" value="1" defaultChecked={showDeactivated} className="size-4" />
        Show deactivated
      </label>
      <button type="submit" className={buttonClasses('secondary')}>
        Search
      </button>
    </form>
  );
}
