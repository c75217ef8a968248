import { defineApiRoute } from '@/app/api/v1/_lib/define-route';
import { getInvoice } from '@/db/invoices';

export const dynamic = 'force-dynamic';

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = defineApiRoute('/api/v1/invoices/{id}', {
  GET: ({ actor, params }) => getInvoice(actor, params.id),
});
