import { ButtonLink } from '@/components/ui/button';

/** The words of a pager: one page with two lists pages each on its own (`cursorParam`) and names them apart. */
export type PagerWords = { nav: string; first: string; next: string };
const pageWords: PagerWords = { nav: 'Pages', first: 'First page', next: 'Next page' };

/** Keyset paging: "Next page" carries the cursor; "First page" goes back to the start. */
export function Pager({
  basePath,
  params,
  nextCursor,
  onLaterPage,
  cursorParam = 'cursor',
  words = pageWords,
}: {
  basePath: string;
  params: Record<string, string>;
  nextCursor: string | null;
  onLaterPage: boolean;
  cursorParam?: string;
  words?: PagerWords;
}) {
  if (!nextCursor && !onLaterPage) return null;
  const href = (extra: Record<string, string>) => {
    const search = new URLSearchParams({ ...params, ...extra }).toString();
    return search ? `${basePath}?${search}` : basePath;
  };
  return (
    <nav aria-label={words.nav} className="mt-4 flex justify-end gap-2">
      {onLaterPage ? (
        <ButtonLink href={href({})} variant="secondary">
          {words.first}
        </ButtonLink>
      ) : null}
      {nextCursor ? (
        <ButtonLink href={href({ [cursorParam]: nextCursor })} variant="secondary">
          {words.next}
        </ButtonLink>
      ) : null}
    </nav>
  );
}
