import type { Metadata } from 'next';
import { orNotFound } from '@/components/ui/or-not-found';
import { CustomerForm } from '@/components/customers/customer-form';
import { PageHeader } from '@/components/ui/page-header';
import { getCustomer } from '@/db/customers';
import { requireActor } from '@/app/_lib/session';
import { updateCustomerAction } from '../../actions';

export const metadata: Metadata = { title: 'Edit customer' };

export default async function EditCustomerPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor();
  const { id } = await params;
  const customer = await orNotFound(getCustomer(actor, id));
  return (
    <>
      <PageHeader title={`Edit ${customer.name}`} />
      <CustomerForm
        action={updateCustomerAction.bind(null, customer.id)}
        cancelHref={`/customers/${customer.id}`}
        initial={{
          kind: customer.kind,
          name: customer.name,
          company: customer.company ?? '',
          phone: customer.phone ?? '',
          email: customer.email ?? '',
          address: customer.address ?? '',
          notes: customer.notes ?? '',
        }}
      />
    </>
  );
}
