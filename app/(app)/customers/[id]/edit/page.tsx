import type { Metadata } from 'next';
import { CustomerForm } from '@/components/customers/customer-form';
import { PageHeader } from '@/components/ui/page-header';
import { getCustomer } from '@/db/customers';
import { loadRecord, type DetailPageProps } from '@/app/_lib/page-params';
import { updateCustomerAction } from '../../actions';

export const metadata: Metadata = { title: 'Edit customer' };

export default async function EditCustomerPage({ params }: Pick<DetailPageProps, 'params'>) {
  const { record: customer } = await loadRecord(params, getCustomer);
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
