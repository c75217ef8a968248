import { defineApiRoute } from '@/db/api';
import { apiRecordPaymentInput, parseApiInput } from '@/db/api-schemas';
import { recordPayment } from '@/db/invoices';
import { requireAdmin } from '@/db/core/policy';

export const dynamic = 'force-dynamic';

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = defineApiRoute('/api/v1/invoices/{id}/payments', {
  POST: ({ actor, params, body }) => {
    requireAdmin(actor); // a worker hears 403 before any field error
    return recordPayment(actor, params.id, parseApiInput(apiRecordPaymentInput, body));
  },
});
