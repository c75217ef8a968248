'use client';

import { updatePurchaseOrderAction } from '@/app/(app)/purchase-orders/actions';
import { InlineForm } from './inline-form';

/** A draft's expected delivery date (the Parts ETA a waiting job shows) and notes. */
export function ExpectedDateForm({
  orderId,
  expectedAt,
  notes,
}: {
  orderId: string;
  expectedAt: string;
  notes: string;
}) {
  return (
    <InlineForm
      action={updatePurchaseOrderAction.bind(null, orderId)}
      fields={[
        { label: 'Expected delivery', name: 'expectedAt', type: 'date', initial: expectedAt },
        { label: 'Notes', name: 'notes', initial: notes },
      ]}
      submit="Save"
    />
  );
}
