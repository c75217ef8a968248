import type { ComponentProps, ReactNode } from 'react';
import { ArchiveControls } from '@/components/customers/archive-controls';
import { formatDate } from '@/components/format';
import { Alert } from '@/components/ui/alert';
import { ButtonLink } from '@/components/ui/button';

/** A customer's or vehicle's header actions: Edit, then archive/unarchive for admins. */
export function EditAndArchive({
  editHref,
  canArchive,
  ...archive
}: { editHref: string; canArchive: boolean } & ComponentProps<typeof ArchiveControls>) {
  return (
    <>
      <ButtonLink href={editHref} variant="secondary">
        Edit
      </ButtonLink>
      {canArchive ? <ArchiveControls {...archive} /> : null}
    </>
  );
}

/** "Archived on …: <what that hides>" above an archived record, nothing for a live one. */
export function ArchivedNote({
  archivedAt,
  locale,
  children,
}: {
  archivedAt: Date | null;
  locale: string;
  children: ReactNode;
}) {
  if (!archivedAt) return null;
  return (
    <Alert tone="warning">
      Archived on {formatDate(archivedAt, locale)}: {children}
    </Alert>
  );
}
