import { ButtonLink } from '@/components/ui/button';

/** Keyset paging: "Next page" carries the cursor; "First page" goes back to the start. */
export function Pager({
  basePath,
  params,
  nextCursor,
  onLaterPage,
}: {
  basePath: string;
  params: Record<string, string>;
  nextCursor: string | null;
  onLaterPage: boolean;
}) {
  if (!nextCursor && !onLaterPage) return null;
  const href = (extra: Record<string, string>) => {
    const search = new URLSearchParams({ ...params, ...extra }).toString();
    return search ? `${basePath}?${search}` : basePath;
  };
  return (
    <nav aria-label="Pages" className="mt-4 flex justify-end gap-2">
      {onLaterPage ? (
        <ButtonLink href={href({})} variant="secondary">
          First page
        </ButtonLink>
      ) : null}
      {nextCursor ? (
        <ButtonLink href={href({ cursor: nextCursor })} variant="secondary">
          Next page
        </ButtonLink>
      ) : null}
    </nav>
  );
}
