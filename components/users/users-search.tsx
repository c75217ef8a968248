import { buttonClasses } from '@/components/ui/button';
import { CheckboxField, TextField } from '@/components/ui/fields';

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
      <CheckboxField label="Show deactivated" name="inactive" value="1" defaultChecked={showDeactivated} />
      <button type="submit" className={buttonClasses('secondary')}>
        Search
      </button>
    </form>
  );
}
