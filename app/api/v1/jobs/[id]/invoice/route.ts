import { defineApiRoute } from '@/db/api';
import { apiIssueInvoiceInput, parseApiInput } from '@/db/api-schemas';
import { issueInvoice } from '@/db/invoices';
import { requireAdmin } from '@/db/core/policy';

export const dynamic = 'force-dynamic';

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = defineApiRoute('/api/v1/jobs/{id}/invoice', {
  POST: ({ actor, params, body }) => {
    requireAdmin(actor); // a worker hears 403 before any field error
    return issueInvoice(actor, params.id, parseApiInput(apiIssueInvoiceInput, body));
  },
});
