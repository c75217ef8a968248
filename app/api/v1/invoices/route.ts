import { defineApiRoute } from '@/app/api/v1/_lib/define-route';
import { listInvoices } from '@/db/invoices';

export const dynamic = 'force-dynamic';

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = defineApiRoute('/api/v1/invoices', {
  GET: ({ actor, query }) => listInvoices(actor, query),
});
