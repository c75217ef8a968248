import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/fields';

/** A GET form choosing a period of days (From, To), for the report and the timesheets. */
export function PeriodForm({
  from,
  to,
  children,
}: {
  from: string;
  to: string;
  /** More fields (a technician filter) before the button. */
  children?: React.ReactNode;
}) {
  return (
    <form method="get" className="mb-6 flex flex-wrap items-end gap-4" aria-label="Period">
      <TextField label="From" name="from" type="date" defaultValue={from} required />
      <TextField label="To" name="to" type="date" defaultValue={to} required />
      {children}
      <Button type="submit" variant="secondary" className="min-h-11">
        Show
      </Button>
    </form>
  );
}
