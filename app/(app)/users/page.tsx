import type { Metadata } from 'next';
import { Alert } from '@/components/ui/alert';

import { ButtonLink } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/page-header';

import { UsersTable } from '@/components/users/users-table';

import { UsersSearch } from '@/components/users/users-search';

import { DomainError } from '@/db/core/errors';

import { requireAdminPage } from '@/app/_lib/session';

import { listUsers, type UserDto } from '@/db/users';
import { param, readSearchParams, type RawSearchParams } from '@/app/_lib/search-params';

export const metadata: Metadata = { title: 'Users' };

const PAGE_SIZE = 25;

type Search = { q?: string; filtered?: string; inactive?: string; cursor?: string };

export default async function UsersPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const actor = await requireAdminPage();
  const search: Search = await readSearchParams(searchParams, {
    q: param.text(),
    filtered: param.oneOf(['1']),
    inactive: param.oneOf(['1']),
    cursor: param.cursor(),
  });
  // Deactivated users are listed (with their status) unless the admin unticks "Show deactivated".
  const showDeactivated = search.filtered !== '1' || search.inactive === '1';

  let page: { data: UserDto[]; nextCursor: string | null } = { data: [], nextCursor: null };
  let problem: string | null = null;
  try {
    page = await listUsers(actor, {
      q: search.q,
      includeInactive: showDeactivated,
      limit: PAGE_SIZE,
      cursor: search.cursor,
    });
  } catch (error) {
    if (!(error instanceof DomainError) || error.kind !== 'invalid') throw error;
    problem = 'That search could not be read. Showing the first page instead.';
    page = await listUsers(actor, { includeInactive: showDeactivated, limit: PAGE_SIZE });
  }

  const keep = new URLSearchParams();
  if (search.q) keep.set('q', search.q);
  if (search.filtered === '1') keep.set('filtered', '1');
  if (search.filtered === '1' && showDeactivated) keep.set('inactive', '1');
  const firstPage = `/users${keep.size > 0 ? `?${keep}` : ''}`;
  const nextParams = new URLSearchParams(keep);
  if (page.nextCursor) nextParams.set('cursor', page.nextCursor);

  return (
    <>
      <PageHeader title="Users" actions={<ButtonLink href="/users/new">New user</ButtonLink>}>
        Who can sign in, and as what. Deactivated users cannot sign in.
      </PageHeader>
      <UsersSearch q={search.q ?? ''} showDeactivated={showDeactivated} />
      {problem ? (
        <div className="mb-4">
          <Alert tone="warning">{problem}</Alert>
        </div>
      ) : null}
      <UsersTable users={page.data} currentUserId={actor.id} />
      <nav aria-label="Pages" className="mt-4 flex items-center justify-between gap-2 text-sm">
        <span className="text-slate-600">
          {page.data.length === 0
            ? search.q
              ? 'No user matches that search.'
              : 'No users to show.'
            : `Showing ${page.data.length} user${page.data.length === 1 ? '' : 's'}${search.cursor ? ' (later page)' : ''}.`}
        </span>
        <span className="flex gap-2">
          {search.cursor ? (
            <ButtonLink href={firstPage} variant="secondary">
              First page
            </ButtonLink>
          ) : null}
          {page.nextCursor ? (
            <ButtonLink href={`/users?${nextParams}`} variant="secondary">
              Next page
            </ButtonLink>
          ) : null}
        </span>
      </nav>
    </>
  );
}
