import 'server-only';
import { and, asc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Page } from './core/cursor';
import type { Actor } from './core/actor';
import { getDb, preparedRead, type Executor } from './client';
import { fieldErrorsFromZod, forbidden, invalid, isCheckViolation } from './core/errors';
import { noNullCharacter } from './core/input';
import { jobAccess } from './jobs';
import { requireSignedIn } from './core/policy';
import { jobNotes, users } from './schema';

// Notes on a job: written by an admin or a worker assigned to the job, read by anyone who may see the job,
// never edited or deleted (a correction is a new note; the database refuses updates and deletes).

export type JobNoteDto = {
  id: string;
  jobId: string;
  body: string;
  createdAt: Date;
  author: { id: string; name: string };
};

export const NOTE_MAX_LENGTH = 5000;

export const addJobNoteInput = z.object({
  body: z
    .string({ error: 'Write the note first.' })
    .trim()
    .min(1, 'Write the note first.')
    .max(NOTE_MAX_LENGTH, `Keep a note to ${NOTE_MAX_LENGTH} characters.`)
    .refine(...noNullCharacter('A note')),
});

export const listJobNotesInput = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(200),
  cursor: z.string().max(500).optional(),
});

function parse<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const result = schema.safeParse(input ?? {});
  if (!result.success) throw invalid(fieldErrorsFromZod(result.error));
  return result.data;
}

/**
 * Adds a note to a job the actor works on (admin, or assigned worker). The check and the insert share a
 * transaction holding a share lock on the job, so a worker being unassigned at that moment cannot slip a note in.
 */
export async function addJobNote(actor: Actor | null, jobId: string, input: unknown): Promise<JobNoteDto> {
  const signedIn = requireSignedIn(actor);
  const db = await getDb();
  try {
    const [note] = await db.transaction(async (tx) => {
      const job = await jobAccess(tx, signedIn, jobId, { lock: 'share' });
      if (!job.canWork) throw forbidden('Only an admin or a worker assigned to this job can add notes.');
      const { body } = parse(addJobNoteInput, input);
      return tx
        .insert(jobNotes)
        .values({ jobId: job.id, authorId: signedIn.id, body })
        .returning({ id: jobNotes.id, jobId: jobNotes.jobId, body: jobNotes.body, createdAt: jobNotes.createdAt });
    });
    return { ...note!, author: { id: signedIn.id, name: signedIn.name } };
  } catch (error) {
    if (isCheckViolation(error, 'job_notes_body_length')) throw invalid({ body: ['Write the note first.'] });
    throw error;
  }
}

/** A job's notes, oldest first, with author and time; keyset-paginated (`limit` default 200). */
function selectNotes(executor: Executor) {
  return executor
    .select({
      id: jobNotes.id,
      jobId: jobNotes.jobId,
      body: jobNotes.body,
      createdAt: jobNotes.createdAt,
      authorId: users.id,
      authorName: users.name,
    })
    .from(jobNotes)
    .innerJoin(users, eq(users.id, jobNotes.authorId));
}
// The first page (the job page, `GET /api/v1/jobs/{id}/notes`): prepared, its plan kept.
const firstNotes = preparedRead((db) =>
  selectNotes(db)
    .where(eq(jobNotes.jobId, sql.placeholder('jobId')))
    .orderBy(asc(jobNotes.createdAt), asc(jobNotes.id))
    .limit(sql.placeholder('limit'))
    .prepare('job_notes_first_page'),
);

export async function listJobNotes(
  actor: Actor | null,
  jobId: string,
  input: z.input<typeof listJobNotesInput> = {},
): Promise<Page<JobNoteDto>> {
  const signedIn = requireSignedIn(actor);
  const { limit, cursor } = parse(listJobNotesInput, input);
  const after = cursor ? decodeCursor(cursor) : null;
  const db = await getDb();
  await jobAccess(db, signedIn, jobId);
  const rows = after
    ? await selectNotes(db)
        .where(
          and(
            eq(jobNotes.jobId, jobId),
            // Compared in the database, so the cursor does not lose the timestamp's microseconds.
            sql`(${jobNotes.createdAt}, ${jobNotes.id}) > (select n.created_at, n.id from ${jobNotes} n where n.id = ${after})`,
          ),
        )
        .orderBy(asc(jobNotes.createdAt), asc(jobNotes.id))
        .limit(limit + 1)
    : await firstNotes(db).execute({ jobId, limit: limit + 1 });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    data: page.map(({ authorId, authorName, ...note }) => ({ ...note, author: { id: authorId, name: authorName } })),
    nextCursor: rows.length > limit && last ? encodeCursor(last.id) : null,
  };
}

function encodeCursor(id: string): string {
  return Buffer.from(JSON.stringify([id])).toString('base64url');
}

function decodeCursor(cursor: string): string {
  try {
    const [id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (typeof id === 'string' && z.uuid().safeParse(id).success) return id;
  } catch {
    // fall through
  }
  throw invalid({ cursor: ['Invalid cursor.'] });
}
