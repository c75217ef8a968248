import { formatDateTime } from '@/components/format';
import type { JobNoteDto } from '@/db/notes';
import { NoteForm } from './note-form';
import { Panel } from '@/components/ui/section';

/** Notes oldest first, never edited (a correction is a new note), with the note box underneath. */
export function JobNotes({
  jobId,
  notes,
  canAddNote,
  locale,
}: {
  jobId: string;
  notes: JobNoteDto[];
  canAddNote: boolean;
  locale: string;
}) {
  return (
    <Panel id="notes-heading" title="Notes" gap="mb-3">
      {notes.length === 0 ? <p className="mb-4 text-sm text-slate-600">No notes yet.</p> : null}
      <ol className="mb-4 space-y-3" data-testid="job-notes">
        {notes.map((note) => (
          <li key={note.id} className="rounded-md bg-slate-50 p-3 text-sm">
            <p className="break-words whitespace-pre-wrap">{note.body}</p>
            <p className="mt-1 text-xs text-slate-500">
              {note.author.name} ·{' '}
              <time dateTime={note.createdAt.toISOString()}>{formatDateTime(note.createdAt, locale)}</time>
            </p>
          </li>
        ))}
      </ol>
      {canAddNote ? (
        <NoteForm jobId={jobId} />
      ) : (
        <p className="text-sm text-slate-600">Only an admin or a worker assigned to this job can add notes.</p>
      )}
    </Panel>
  );
}
