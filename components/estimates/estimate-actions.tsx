'use client';

import { useActionState, useState } from 'react';
import {
  recordAuthorizationAction,
  reviseEstimateAction,
  sendEstimateAction,
} from '@/app/(app)/jobs/[id]/estimate/actions';
import type { FormState } from '@/app/_lib/form-state';
import { Button } from '@/components/ui/button';
import { SelectField, TextField } from '@/components/ui/fields';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import type { EstimateDto, SentEstimateDto } from '@/db/estimates';

type Props = {
  jobId: string;
  estimateId: string;
  status: EstimateDto['status'];
  lines: { id: string; label: string }[];
};

/** Send (then the link, its Copy button and expiry), Record phone approval and Revise for the current version. */
export function EstimateActions({ jobId, estimateId, status, lines }: Props) {
  const [sent, send] = useActionState<FormState<SentEstimateDto>, FormData>(
    sendEstimateAction.bind(null, jobId, estimateId),
    undefined,
  );
  const [revised, revise] = useActionState<FormState<unknown>, FormData>(
    reviseEstimateAction.bind(null, jobId, estimateId),
    undefined,
  );
  const [recorded, record] = useActionState<FormState<unknown>, FormData>(
    recordAuthorizationAction.bind(null, jobId, estimateId),
    undefined,
  );
  const [recording, setRecording] = useState(false);
  const [copied, setCopied] = useState(false);
  const link = sent?.ok ? sent.data : null;
  const errors = recorded && !recorded.ok ? recorded.fieldErrors : {};
  // After a refusal the form keeps what was entered and ticked (React resets a form once its action ran).
  const entered = recorded && !recorded.ok ? recorded.values : undefined;
  const ticked = entered ? new Set(entered.approvedLineIds?.split(',')) : null;
  return (
    <div className="space-y-3">
      <FormMessage state={sent} />
      <FormMessage state={revised} />
      <FormMessage state={recorded} />
      {link ? (
        <div className="space-y-1 rounded-lg border border-brand-200 bg-brand-50 p-3 text-sm">
          <label htmlFor="approval-link" className="block font-medium">
            Approval link (shown once)
          </label>
          <div className="flex gap-2">
            <input
              id="approval-link"
              readOnly
              value={link.approvalUrl}
              className="min-w-0 flex-1 rounded border px-2"
            />
            <Button type="button" variant="secondary" onClick={() => copyLink(link.approvalUrl).then(setCopied)}>
              {copied ? 'Copied' : 'Copy'}
            </Button>
          </div>
          <p>Expires {new Date(link.expiresAt).toLocaleString()}</p>
        </div>
      ) : null}
      <div className="flex flex-wrap gap-2">
        {status === 'draft' && !link ? (
          <form action={send}>
            <SubmitButton pendingLabel="Sending…">Send to customer</SubmitButton>
          </form>
        ) : null}
        {status === 'sent' || link ? (
          <Button type="button" variant="secondary" onClick={() => setRecording((open) => !open)}>
            Record phone approval
          </Button>
        ) : null}
        {status !== 'draft' || link ? (
          <form action={revise}>
            <SubmitButton variant="secondary" pendingLabel="Revising…">
              Revise
            </SubmitButton>
          </form>
        ) : null}
      </div>
      {recording && !recorded?.ok ? (
        <form action={record} className="space-y-3 rounded-lg border border-slate-200 p-3">
          <SelectField
            label="How"
            name="channel"
            defaultValue={entered?.channel}
            options={[
              { value: 'phone', label: 'By phone' },
              { value: 'in_person', label: 'In person' },
            ]}
          />
          <TextField
            label="Authorized by"
            name="authorizedBy"
            defaultValue={entered?.authorizedBy}
            errors={errors.authorizedBy}
          />
          <fieldset className="space-y-1 text-sm">
            <legend className="font-medium">Approved lines</legend>
            {lines.map((line) => (
              <label key={line.id} className="flex items-start gap-2">
                <input
                  type="checkbox"
                  name="approvedLineIds"
                  value={line.id}
                  defaultChecked={ticked ? ticked.has(line.id) : true}
                  className="mt-1"
                />
                <span>{line.label}</span>
              </label>
            ))}
            {errors.approvedLineIds ? <p className="text-red-600">{errors.approvedLineIds.join(' ')}</p> : null}
          </fieldset>
          <TextField label="Note" name="note" defaultValue={entered?.note} errors={errors.note} />
          <SubmitButton pendingLabel="Recording…">Record approval</SubmitButton>
        </form>
      ) : null}
    </div>
  );
}

// The Clipboard API exists only on https and localhost; on a shop's plain-http LAN address the link is selected
// and copied the old way instead.
async function copyLink(url: string): Promise<boolean> {
  if (navigator.clipboard)
    return navigator.clipboard.writeText(url).then(
      () => true,
      () => false,
    );
  const input = document.getElementById('approval-link');
  if (!(input instanceof HTMLInputElement)) return false;
  input.select();
  return document.execCommand('copy');
}
