import { defineApiRoute } from '@/app/api/v1/_lib/define-route';
import { parseApiInput } from '@/app/api/v1/_lib/parse-input';
import { apiListJobNotesInput } from '@/app/api/v1/_lib/specs/jobs';
import { addJobNote, listJobNotes } from '@/db/notes';

export const dynamic = 'force-dynamic';

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = defineApiRoute('/api/v1/jobs/{id}/notes', {
  GET: ({ actor, params, query }) => listJobNotes(actor, params.id, parseApiInput(apiListJobNotesInput, query)),
  POST: ({ actor, params, body }) => addJobNote(actor, params.id, body),
});
