import type { Metadata } from 'next';
import Link from 'next/link';
import { SearchableList } from '@/components/customers/searchable-list';
import { ActionButton } from '@/components/parts/action-button';
import { ReorderFlag } from '@/components/parts/stock-figures';
import { buttonClasses } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/page-header';
import { Table, TableCell, TableHeader, TableRows } from '@/components/ui/table';
import { listParts } from '@/db/parts';
import { listPageOrFirst } from '@/app/_lib/page-params';
import { param, readSearchParams, type RawSearchParams } from '@/app/_lib/search-params';
import { requireActor } from '@/app/_lib/session';
import { draftReordersAction } from './actions';

export const metadata: Metadata = { title: 'Parts' };

type SearchParams = Promise<RawSearchParams>;

export default async function PartsPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireActor();
  // Validated like API input: a NUL or an over-long value is ignored, never a 500.
  const params = await readSearchParams(searchParams, {
    q: param.text(),
    reorder: param.flag(),
    archived: param.flag(),
    cursor: param.cursor(),
  });
  const q = params.q ?? '';
  const reorder = params.reorder === true;
  const showArchived = params.archived === true;
  const cursor = params.cursor ?? '';
  const query = { q, reorder, includeArchived: showArchived, limit: 25 };
  const { result, badCursor } = await listPageOrFirst(cursor, (after) => listParts(actor, { ...query, cursor: after }));
  const keep = {
    ...(q ? { q } : {}),
    ...(reorder ? { reorder: '1' } : {}),
    ...(showArchived ? { archived: '1' } : {}),
  };
  const isAdmin = actor.role === 'admin';

  return (
    <>
      <PageHeader
        title={reorder ? 'Parts to reorder' : 'Parts'}
        actions={
          <>
            <Link href={reorder ? '/parts' : '/parts?reorder=1'} className={buttonClasses('secondary')}>
              {reorder ? 'All parts' : 'Reorder list'}
            </Link>
            {isAdmin && reorder ? (
              <ActionButton
                label="Draft purchase orders"
                pendingLabel="Drafting…"
                variant="primary"
                action={draftReordersAction}
              />
            ) : null}
            {isAdmin ? (
              <Link href="/parts/new" className={buttonClasses('primary')}>
                New part
              </Link>
            ) : null}
          </>
        }
      >
        {reorder ? 'Available + on order is below the reorder point. One button drafts an order per vendor.' : null}
      </PageHeader>
      <SearchableList
        basePath="/parts"
        placeholder="SKU or name"
        searchLabel="Search parts"
        extraParams={reorder ? { reorder: '1' } : {}}
        page={{ query: { q, showArchived, cursor, keep }, badCursor, result }}
        empty={
          result.data.length === 0
            ? q
              ? `No parts match “${q}”.`
              : reorder
                ? 'Nothing to reorder.'
                : 'No parts yet.'
            : null
        }
      >
        <Table>
          <TableHeader
            columns={[
              'SKU',
              'Name',
              ['On hand', 'text-right'],
              ['Reserved', 'text-right'],
              ['Available', 'text-right'],
              ['On order', 'text-right'],
              'Bin',
            ]}
          />
          <TableRows rows={result.data}>
            {(part) => (
              <>
                <TableCell className="font-mono">
                  <Link href={`/parts/${part.id}`} className="text-brand-600 hover:underline">
                    {part.sku}
                  </Link>
                </TableCell>
                <TableCell>
                  {part.name}
                  <ReorderFlag part={part} />
                  {part.archived ? <span className="ml-2 text-xs text-slate-600">Archived</span> : null}
                </TableCell>
                <TableCell className="text-right tabular-nums">{part.onHand}</TableCell>
                <TableCell className="text-right tabular-nums">{part.reserved}</TableCell>
                <TableCell className="text-right tabular-nums">{part.available}</TableCell>
                <TableCell className="text-right tabular-nums">{part.onOrder}</TableCell>
                <TableCell>{part.bin ?? '—'}</TableCell>
              </>
            )}
          </TableRows>
        </Table>
      </SearchableList>
    </>
  );
}
