import { defineApiRoute } from '@/db/api';
import { listInvoices } from '@/db/invoices';

export const dynamic = 'force-dynamic';

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = defineApiRoute('/api/v1/invoices', {
  GET: ({ actor, query }) => listInvoices(actor, query),
});
