import { defineApiRoute } from '@/app/api/v1/_lib/define-route';
import { getJob, setJobAssignees } from '@/db/jobs';

export const dynamic = 'force-dynamic';

// Answers the job (with its assignees and version) rather than the bare list of people.
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = defineApiRoute('/api/v1/jobs/{id}/assignees', {
  PUT: async ({ actor, params, body }) => {
    await setJobAssignees(actor, params.id, body);
    return getJob(actor, params.id);
  },
});
