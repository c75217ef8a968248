import type { Metadata } from 'next';
import Link from 'next/link';
import { formatDateTime } from '@/components/format';
import { SelectField, TextField } from '@/components/ui/fields';
import { PageHeader } from '@/components/ui/page-header';
import { Table, TableCell, TableHeader, TableRows } from '@/components/ui/table';
import { auditEntities, listAuditEvents } from '@/db/audit';
import { DomainError } from '@/db/core/errors';
import { requireAdminPage } from '@/app/_lib/session';
import { listUsers } from '@/db/users';
import { param, readSearchParams, type RawSearchParams } from '@/app/_lib/search-params';

export const metadata: Metadata = { title: 'Audit trail' };

type Search = { entity?: string; entityId?: string; actorId?: string; cursor?: string };

function describe(values: unknown): string {
  if (!values || typeof values !== 'object') return '';
  return Object.entries(values as Record<string, unknown>)
    .map(([key, value]) => `${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join(', ');
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const actor = await requireAdminPage();
  const search: Search = await readSearchParams(searchParams, {
    entity: param.text(50),
    entityId: param.text(100),
    actorId: param.text(100),
    cursor: param.cursor(),
  });
  const filters = Object.fromEntries(Object.entries(search).filter(([, value]) => value));
  let result: Awaited<ReturnType<typeof listAuditEvents>>;
  let problem: string | null = null;
  try {
    result = await listAuditEvents(actor, filters);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    problem = error.message;
    result = { data: [], nextCursor: null };
  }
  const { data: people } = await listUsers(actor, { limit: 100 });
  const next = result.nextCursor ? `?${new URLSearchParams({ ...filters, cursor: result.nextCursor })}` : null;
  return (
    <>
      <PageHeader title="Audit trail">Every change, who made it, when, and from the screens or the API.</PageHeader>
      <form className="mb-4 flex flex-wrap items-end gap-3" method="get">
        <SelectField
          label="Entity"
          name="entity"
          defaultValue={search.entity ?? ''}
          blank="All"
          options={auditEntities.map((entity) => ({ value: entity, label: entity.replace(/_/g, ' ') }))}
        />
        <TextField label="Record id" name="entityId" defaultValue={search.entityId ?? ''} />
        <SelectField
          label="User"
          name="actorId"
          defaultValue={search.actorId ?? ''}
          blank="Anyone"
          options={people.map((person) => ({ value: person.id, label: person.name }))}
        />
        <button type="submit" className="min-h-10 rounded-md bg-brand-600 px-4 text-sm font-medium text-white">
          Filter
        </button>
      </form>
      {problem ? <p className="mb-4 text-sm text-red-600">{problem}</p> : null}
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <Table density="compact">
          <TableHeader columns={['When', 'Who', 'From', 'What', 'Before', 'After']} />
          <TableRows rows={result.data} rowProps={{ className: 'align-top' }}>
            {(event) => (
              <>
                <TableCell className="whitespace-nowrap">{formatDateTime(event.occurredAt)}</TableCell>
                <TableCell>{event.actorName ?? 'System'}</TableCell>
                <TableCell className="uppercase">{event.origin}</TableCell>
                <TableCell>
                  {event.action} {event.entity.replace(/_/g, ' ')}{' '}
                  <Link
                    className="text-brand-600 underline"
                    href={`/audit?entity=${event.entity}&entityId=${encodeURIComponent(event.entityId)}`}
                  >
                    {event.entityId.slice(0, 8)}
                  </Link>
                </TableCell>
                <TableCell className="max-w-xs break-words text-slate-600">{describe(event.before)}</TableCell>
                <TableCell className="max-w-xs break-words">{describe(event.after)}</TableCell>
              </>
            )}
          </TableRows>
        </Table>
      </div>
      {next ? (
        <Link className="mt-4 inline-block text-brand-600 underline" href={next}>
          Next page
        </Link>
      ) : null}
    </>
  );
}
