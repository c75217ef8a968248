import { defineApiRoute } from '@/app/api/v1/_lib/define-route';
import { parseApiInput } from '@/app/api/v1/_lib/parse-input';
import { apiIssueInvoiceInput } from '@/app/api/v1/_lib/specs/invoices';
import { issueInvoice } from '@/db/invoices';

export const dynamic = 'force-dynamic';

// The spec's `role: 'admin'` answers a worker 403 before the body is read or checked.
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = defineApiRoute('/api/v1/jobs/{id}/invoice', {
  POST: ({ actor, params, body }) => issueInvoice(actor, params.id, parseApiInput(apiIssueInvoiceInput, body)),
});
