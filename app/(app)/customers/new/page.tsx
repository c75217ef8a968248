import type { Metadata } from 'next';
import { CustomerForm } from '@/components/customers/customer-form';
import { PageHeader } from '@/components/ui/page-header';
import { requireActor } from '@/app/_lib/session';
import { createCustomerAction } from '../actions';

export const metadata: Metadata = { title: 'New customer' };

export default async function NewCustomerPage() {
  await requireActor();
  return (
    <>
      <PageHeader title="New customer" />
      <CustomerForm action={createCustomerAction} cancelHref="/customers" />
    </>
  );
}
