import type { ReactNode } from 'react';
import type { ListPage } from '@/app/_lib/page-params';
import { Pager } from '@/components/customers/pager';
import { SearchBox } from '@/components/customers/search-box';
import { Alert } from '@/components/ui/alert';
import { EmptyNote } from '@/components/ui/empty-note';

/**
 * A keyset list page's body (customers, vehicles, parts, vendors, purchase orders): the search box with archived
 * records behind a checkbox (when there is a placeholder), a note when the page link had expired, the table or
 * what to say when it is empty, and the pager.
 */
export function SearchableList({
  basePath,
  placeholder,
  searchLabel,
  extraParams,
  page: { query, badCursor, result },
  empty,
  children,
}: {
  basePath: string;
  /** The search box's placeholder; a list without one has no search box. */
  placeholder?: string;
  searchLabel?: string;
  /** Parameters the search keeps (a filter the page is on). */
  extraParams?: Record<string, string>;
  page: ListPage<{ nextCursor: string | null }>;
  /** Shown instead of the table when there are no rows; the table is not rendered then. */
  empty: ReactNode | null;
  children: ReactNode;
}) {
  return (
    <>
      {placeholder !== undefined ? (
        <SearchBox
          query={query.q}
          showArchived={query.showArchived}
          placeholder={placeholder}
          label={searchLabel}
          extraParams={extraParams}
        />
      ) : null}
      {badCursor ? <Alert tone="info">That page link has expired; showing the first page.</Alert> : null}
      {empty ? (
        <EmptyNote roomy>{empty}</EmptyNote>
      ) : (
        <div className="rounded-lg border border-slate-200 bg-white">{children}</div>
      )}
      <Pager
        basePath={basePath}
        params={query.keep}
        nextCursor={result.nextCursor}
        onLaterPage={Boolean(query.cursor) && !badCursor}
      />
    </>
  );
}
