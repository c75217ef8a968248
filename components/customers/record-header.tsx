import type { ComponentProps, ReactNode } from 'react';
import { ArchiveControls } from '@/components/customers/archive-controls';
import { formatDate } from '@/components/format';
import { Alert } from '@/components/ui/alert';
import { ButtonLink } from '@/components/ui/button';

type ArchiveAction = (id: string) => ReturnType<ComponentProps<typeof ArchiveControls>['archiveAction']>;

/** What archiving does to each kind of record, as the confirmation says it. */
const archiveDescriptions = {
  customer:
    'They drop out of the customer list and search (their vehicles and job history stay). You can unarchive them later.',
  vehicle: 'It drops out of the vehicle list and frees its VIN for another vehicle. Its service history stays.',
};

/** A customer's or vehicle's header actions: Edit, then archive/unarchive (`actions`) for admins. */
export function EditAndArchive({
  noun,
  record,
  canArchive,
  actions: [archive, unarchive],
}: {
  noun: 'customer' | 'vehicle';
  record: { id: string; archivedAt: Date | null };
  canArchive: boolean;
  actions: [ArchiveAction, ArchiveAction];
}) {
  return (
    <>
      <ButtonLink href={`/${noun}s/${record.id}/edit`} variant="secondary">
        Edit
      </ButtonLink>
      {canArchive ? (
        <ArchiveControls
          noun={noun}
          archived={record.archivedAt !== null}
          description={archiveDescriptions[noun]}
          archiveAction={archive.bind(null, record.id)}
          unarchiveAction={unarchive.bind(null, record.id)}
        />
      ) : null}
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
