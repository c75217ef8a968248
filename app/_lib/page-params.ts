import { getShopSettings } from '@/db/settings';
import { DomainError } from '@/db/core/errors';
import type { Actor } from '@/db/core/actor';
import { orNotFound } from '@/components/ui/or-not-found';
import { param, readSearchParams } from './search-params';
import { requireActor } from './session';

export type SearchParams = Record<string, string | string[] | undefined>;

/** What a searchable, archivable list reads from its URL (validated), and the parameters its pager keeps. */
export async function readListQuery(searchParams: Promise<SearchParams> | SearchParams) {
  const params = await readSearchParams(searchParams, {
    q: param.text(),
    archived: param.flag(),
    cursor: param.cursor(),
  });
  const q = params.q ?? '';
  const showArchived = params.archived === true;
  const cursor = params.cursor ?? '';
  const keep = { ...(q ? { q } : {}), ...(showArchived ? { archived: '1' } : {}) };
  return { q, showArchived, cursor, keep };
}

/**
 * One page of a keyset list. A cursor the data layer refuses (an old or edited link) falls back to the first
 * page, with `badCursor` set so the page can say so.
 */
export async function listPageOrFirst<T>(
  cursor: string,
  load: (cursor: string | undefined) => Promise<T>,
): Promise<{ result: T; badCursor: boolean }> {
  try {
    return { result: await load(cursor), badCursor: false };
  } catch (error) {
    if (!(error instanceof DomainError) || !cursor) throw error;
    return { result: await load(undefined), badCursor: true };
  }
}

export type ListQuery = Awaited<ReturnType<typeof readListQuery>>;

/** What a list page shows: its query, the page of records and whether the page link had expired. */
export type ListPage<T> = { query: ListQuery; result: T; badCursor: boolean };

/**
 * A searchable, archivable list page (customers, vehicles): the signed-in actor and 25 records for the URL's
 * query, the first page when its cursor is refused.
 */
export async function loadListPage<T>(
  searchParams: Promise<SearchParams>,
  list: (actor: Actor, input: { q: string; includeArchived: boolean; cursor?: string; limit: number }) => Promise<T>,
) {
  const actor = await requireActor();
  const query = await readListQuery(searchParams);
  const { result, badCursor } = await listPageOrFirst(query.cursor, (cursor) =>
    list(actor, { q: query.q, includeArchived: query.showArchived, cursor, limit: 25 }),
  );
  return { actor, query, result, badCursor };
}

/** A record page's props: the id in its path and its query (`?created=1`). */
export type DetailPageProps<Query = SearchParams> = { params: Promise<{ id: string }>; searchParams: Promise<Query> };

/** The record of a page by the id in its path, read as the signed-in user, or the 404 page. */
export async function loadRecord<T>(
  params: DetailPageProps['params'],
  get: (actor: Actor, id: string) => Promise<T>,
): Promise<{ actor: Actor; record: T }> {
  const actor = await requireActor();
  const { id } = await params;
  return { actor, record: await orNotFound(get(actor, id)) };
}

/** A record's page: the signed-in actor, the record (or the 404 page), the page's query and the shop locale. */
export async function loadDetailPage<T>(props: DetailPageProps, get: (actor: Actor, id: string) => Promise<T>) {
  const { actor, record } = await loadRecord(props.params, get);
  const query = await props.searchParams;
  const { locale } = await getShopSettings(actor);
  return { actor, query, record, locale };
}
