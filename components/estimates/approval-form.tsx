'use client';

import { useMemo, useState } from 'react';
import { formatMoney } from '@/components/format';
import { Button } from '@/components/ui/button';
import { controlClasses } from '@/components/ui/fields';
import type { PublicEstimateDto } from '@/db/estimates';

type Answer = { approvedLineIds: string[]; authorizedBy: string };

/** One checkbox per line (all ticked at first), the total with tax as lines are ticked, the name, two buttons. */
export function ApprovalForm({ token, estimate }: { token: string; estimate: PublicEstimateDto }) {
  const money = { currency: estimate.currency, locale: estimate.locale };
  const [ticked, setTicked] = useState<Set<string>>(() => new Set(estimate.lines.map((line) => line.id)));
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [nameError, setNameError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [answer, setAnswer] = useState<Answer | null>(estimate.answer);
  const total = useMemo(
    () => estimate.lines.filter((line) => ticked.has(line.id)).reduce((sum, line) => sum + line.totalCents, 0),
    [estimate.lines, ticked],
  );

  if (answer) {
    const approved = estimate.lines.filter((line) => answer.approvedLineIds.includes(line.id));
    return (
      <section aria-label="Your answer" role="status" className="rounded-lg border border-green-300 bg-green-50 p-4">
        {approved.length > 0 ? (
          <>
            <h2 className="mb-2 font-semibold">Thank you, {answer.authorizedBy}. You approved:</h2>
            <ul className="mb-2 list-disc pl-5">
              {approved.map((line) => (
                <li key={line.id} className="break-words">
                  {line.description} — {formatMoney(line.totalCents, money)}
                </li>
              ))}
            </ul>
            <p className="font-semibold">
              Approved total:{' '}
              {formatMoney(
                approved.reduce((sum, line) => sum + line.totalCents, 0),
                money,
              )}
            </p>
          </>
        ) : (
          <h2 className="font-semibold">Thank you, {answer.authorizedBy}. You declined this estimate.</h2>
        )}
        <p className="mt-2 text-sm">
          Questions? Call {estimate.shop.name}
          {estimate.shop.phone ? ` at ${estimate.shop.phone}` : ''}.
        </p>
      </section>
    );
  }

  async function submit(approvedLineIds: string[]) {
    setPending(true);
    setError(null);
    setNameError(null);
    try {
      const response = await fetch(`/api/public/approvals/${encodeURIComponent(token)}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ approved_line_ids: approvedLineIds, name }),
      });
      const body = (await response.json().catch(() => ({}))) as {
        detail?: string;
        errors?: Record<string, string[]>;
      };
      if (response.ok) return setAnswer({ approvedLineIds, authorizedBy: name.trim() });
      if (body.errors?.name) setNameError(body.errors.name.join(' '));
      setError(body.detail ?? 'Something went wrong. Please call us.');
    } catch {
      setError('No connection. Please try again or call us.');
    } finally {
      setPending(false);
    }
  }

  return (
    <form
      className="space-y-4"
      onSubmit={(event) => {
        event.preventDefault();
        void submit([...ticked]);
      }}
      noValidate
    >
      <fieldset className="space-y-2">
        <legend className="mb-1 font-semibold">Work to approve</legend>
        {estimate.lines.map((line) => (
          <label key={line.id} className="flex items-start gap-3 rounded-lg border border-slate-200 bg-white p-3">
            <input
              type="checkbox"
              className="mt-1 size-5 shrink-0"
              checked={ticked.has(line.id)}
              onChange={(event) =>
                setTicked((current) => {
                  const next = new Set(current);
                  if (event.target.checked) next.add(line.id);
                  else next.delete(line.id);
                  return next;
                })
              }
            />
            <span className="min-w-0 flex-1 break-words">{line.description}</span>
            <span className="shrink-0 font-medium">{formatMoney(line.totalCents, money)}</span>
          </label>
        ))}
      </fieldset>
      <p className="flex justify-between text-lg font-semibold" aria-live="polite">
        <span>Total with tax</span>
        <span data-testid="approval-total">{formatMoney(total, money)}</span>
      </p>
      {estimate.terms ? <p className="text-sm whitespace-pre-line text-slate-600">{estimate.terms}</p> : null}
      <div className="space-y-1">
        <label htmlFor="approval-name" className="block font-medium">
          Your name
        </label>
        <input
          id="approval-name"
          name="name"
          autoComplete="name"
          value={name}
          onChange={(event) => setName(event.target.value)}
          aria-invalid={Boolean(nameError)}
          aria-describedby={nameError ? 'approval-name-error' : undefined}
          className={controlClasses}
        />
        {nameError ? (
          <p id="approval-name-error" className="text-sm text-red-600">
            {nameError}
          </p>
        ) : null}
      </div>
      {error ? (
        <p role="alert" className="text-sm text-red-600">
          {error}
        </p>
      ) : null}
      <div className="flex flex-col gap-2">
        <Button type="submit" disabled={pending || ticked.size === 0}>
          Approve selected work
        </Button>
        <Button type="button" variant="secondary" disabled={pending} onClick={() => void submit([])}>
          Decline all
        </Button>
      </div>
    </form>
  );
}
