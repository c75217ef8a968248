'use client';

import { useActionState, useEffect, useState, useTransition } from 'react';
import { addJobPartAction } from '@/app/(app)/jobs/[id]/parts/actions';
import { searchPartsAction } from '@/app/(app)/parts/actions';
import { fieldErrorsOf, type FormState } from '@/app/_lib/form-state';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/fields';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import type { PartDto } from '@/db/parts';

/** Add a part: find it by SKU or name (available stock shown while choosing) or type a free-text part. */
export function AddJobPartForm({ jobId }: { jobId: string }) {
  const [state, formAction] = useActionState<FormState, FormData>(addJobPartAction.bind(null, jobId), undefined);
  const [text, setText] = useState('');
  const [results, setResults] = useState<PartDto[]>([]);
  const [chosen, setChosen] = useState<PartDto | null>(null);
  const [, startTransition] = useTransition();

  useEffect(() => {
    if (chosen || text.trim().length === 0) return;
    const timer = setTimeout(() => {
      startTransition(async () => {
        const answer = await searchPartsAction(text.trim());
        setResults(answer.ok ? answer.data.data : []);
      });
    }, 250);
    return () => clearTimeout(timer);
  }, [text, chosen]);

  return (
    <form
      action={async (formData) => {
        await formAction(formData);
        setChosen(null);
        setText('');
        setResults([]);
      }}
      className="mt-4 space-y-3 border-t border-slate-100 pt-4"
    >
      <h3 className="font-medium">Add a part</h3>
      <FormMessage state={state} />
      {chosen ? (
        <div className="flex items-center gap-3 text-sm">
          <input type="hidden" name="partId" value={chosen.id} />
          <span>
            <span className="font-mono">{chosen.sku}</span> {chosen.name} · {chosen.available} available
          </span>
          <Button type="button" variant="ghost" onClick={() => setChosen(null)}>
            Change
          </Button>
        </div>
      ) : (
        <>
          <TextField
            label="Find part or describe it"
            id="job-part-description"
            name="description"
            value={text}
            autoComplete="off"
            onChange={(event) => setText(event.target.value)}
            hint="Type a SKU or name and pick it, or leave the text as a free-text part."
            errors={fieldErrorsOf(state, 'description') ?? fieldErrorsOf(state, 'partId')}
          />
          {results.length > 0 && text.trim() ? (
            <ul aria-label="Matching parts" className="divide-y divide-slate-100 rounded border border-slate-200">
              {results.map((part) => (
                <li key={part.id}>
                  <button
                    type="button"
                    className="flex min-h-11 w-full items-center justify-between px-3 text-left text-sm hover:bg-slate-50"
                    onClick={() => setChosen(part)}
                  >
                    <span>
                      <span className="font-mono">{part.sku}</span> {part.name}
                    </span>
                    <span className="text-slate-600">{part.available} available</span>
                  </button>
                </li>
              ))}
            </ul>
          ) : null}
        </>
      )}
      <div className="flex flex-wrap items-end gap-3">
        <TextField
          label="Quantity"
          id="job-part-quantity"
          name="quantity"
          inputMode="decimal"
          defaultValue="1"
          errors={fieldErrorsOf(state, 'quantity')}
        />
        <SubmitButton>Add part</SubmitButton>
      </div>
    </form>
  );
}
