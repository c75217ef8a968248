'use client';
// What a page shows when it could not be built: "the database is restarting" when the data layer said so (an
// `unavailable` error keeps its digest through Next), otherwise a plain apology with the error's reference.
// Never the error's message: in production Next replaces it anyway, and it may quote database text.
import { useRouter } from 'next/navigation';
import { DATABASE_UNAVAILABLE_DIGEST } from '@/db/core/errors';
import { Alert } from './alert';
import { Button } from './button';

export function ErrorScreen({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const router = useRouter();
  const restarting = error.digest === DATABASE_UNAVAILABLE_DIGEST;
  return (
    <div className="mx-auto max-w-xl space-y-4 py-10">
      <h1 className="text-xl font-semibold">{restarting ? 'One moment, please' : 'Something went wrong'}</h1>
      <Alert tone={restarting ? 'warning' : 'error'}>
        {restarting
          ? 'The shop’s database is restarting. Try again in a moment; nothing you saved before is lost.'
          : `This page could not be shown. Nothing was changed; please try again.${error.digest ? ` (Reference ${error.digest}.)` : ''}`}
      </Alert>
      <Button
        type="button"
        onClick={() => {
          router.refresh();
          reset();
        }}
      >
        Try again
      </Button>
    </div>
  );
}
