'use client';

import { adjustStockAction } from '@/app/(app)/parts/actions';
import { InlineForm } from './inline-form';

/** Admin: a signed quantity ("-2" takes two off the shelf) and the reason. */
export function AdjustStockForm({ partId }: { partId: string }) {
  return (
    <InlineForm
      action={adjustStockAction.bind(null, partId)}
      fields={[
        {
          label: 'Adjust by',
          name: 'quantity',
          inputMode: 'decimal',
          hint: 'Negative takes stock off the shelf.',
          initial: '',
        },
        { label: 'Reason', name: 'reason', initial: '' },
      ]}
      submit="Adjust stock"
    />
  );
}
