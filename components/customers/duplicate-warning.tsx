import Link from 'next/link';
import { Alert } from '@/components/ui/alert';
import type { DuplicateCustomer } from '@/db/customers';

const matchWords = { phone: 'phone number', email: 'email' } as const;

/** The front desk is told (never blocked) when a phone number or email also belongs to another customer. */
export function DuplicateWarning({ duplicates }: { duplicates: DuplicateCustomer[] }) {
  if (duplicates.length === 0) return null;
  return (
    <Alert tone="warning">
      <p className="font-medium">Possible duplicate customer</p>
      <ul className="mt-1 list-disc pl-5">
        {duplicates.map((duplicate) => (
          <li key={duplicate.id}>
            This {duplicate.matches.map((match) => matchWords[match]).join(' and ')} already belongs to{' '}
            <Link href={`/customers/${duplicate.id}`} className="font-medium underline">
              {duplicate.name}
            </Link>
            {duplicate.archived ? ' (archived)' : ''}.
          </li>
        ))}
      </ul>
    </Alert>
  );
}
