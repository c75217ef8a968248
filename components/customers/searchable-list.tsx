import type { ReactNode } from 'react';
import { Pager } from '@/components/customers/pager';
import { SearchBox } from '@/components/customers/search-box';
import { Alert } from '@/components/ui/alert';
import { EmptyNote } from '@/components/ui/empty-note';

/**
 * A searchable list with archived records behind a checkbox (customers, vehicles): the search box, a note when
 * the page link had expired, the table or what to say when it is empty, and the pager.
 */
export function SearchableList({
  basePath,
  placeholder,
  query,
  badCursor,
  nextCursor,
  empty,
  children,
}: {
  basePath: string;
  placeholder: string;
  query: { q: string; showArchived: boolean; cursor: string; keep: Record<string, string> };
  badCursor: boolean;
  nextCursor: string | null;
  /** Shown instead of the table when there are no rows; the table is not rendered then. */
  empty: ReactNode | null;
  children: ReactNode;
}) {
  return (
    <>
      <SearchBox query={query.q} showArchived={query.showArchived} placeholder={placeholder} />
      {badCursor ? <Alert tone="info">That page link has expired; showing the first page.</Alert> : null}
      {empty ? (
        <EmptyNote roomy>{empty}</EmptyNote>
      ) : (
        <div className="rounded-lg border border-slate-200 bg-white">{children}</div>
      )}
      <Pager
        basePath={basePath}
        params={query.keep}
        nextCursor={nextCursor}
        onLaterPage={Boolean(query.cursor) && !badCursor}
      />
    </>
  );
}
