// The one shape every server action returns, and the one wrapper that produces it:
// session → data-layer call (which checks the role and validates with zod) → typed result.
// Only DomainErrors become messages; anything else is logged and answered with a generic message.
import 'server-only';
import { unstable_rethrow } from 'next/navigation';
import type { Actor } from '@/db/core/actor';
import {
  DomainError,
  domainErrorFromDatabase,
  isConnectionError,
  databaseUnavailable,
  type FieldErrors,
} from '@/db/core/errors';
import { runWithRequestContext } from '@/db/platform/audit-context';
import { formFieldErrors, formObject, type FlatForm, type FormInput } from './form';
import type { FormState } from './form-state';
import { logUnexpectedError, logUntranslatedRefusal } from './log-error';
import { currentActor } from './session';

export type ActionResult<T = undefined> =
  | { ok: true; data: T; message?: string }
  | { ok: false; message: string; fieldErrors: FieldErrors; code: DomainError['kind'] | 'error' };

export const initialActionState = undefined;

export async function runAction<T>(
  work: (actor: Actor) => Promise<T>,
  successMessage?: string,
): Promise<ActionResult<T>> {
  try {
    const actor = await currentActor();
    if (!actor)
      return {
        ok: false,
        code: 'unauthorized',
        message: 'Your session has ended. Please sign in again.',
        fieldErrors: {},
      };
    const data = await runWithRequestContext({ actorId: actor.id, origin: 'ui' }, () => work(actor));
    return { ok: true, data, message: successMessage };
  } catch (error) {
    unstable_rethrow(error); // let redirect()/notFound() through
    return actionError(error);
  }
}

export function actionError(error: unknown): ActionResult<never> {
  const refusal = isConnectionError(error)
    ? databaseUnavailable()
    : error instanceof DomainError
      ? error
      : domainErrorFromDatabase(error);
  if (refusal) {
    if (!(error instanceof DomainError)) logUntranslatedRefusal('action', error);
    return { ok: false, code: refusal.kind, message: refusal.message, fieldErrors: refusal.fieldErrors };
  }
  const requestId = logUnexpectedError('action', error);
  return {
    ok: false,
    code: 'error',
    message: `Something went wrong. Nothing was saved; please try again (request ${requestId}).`,
    fieldErrors: {},
  };
}

/**
 * `runAction` for a form whose fields differ from the domain's input: `convert` builds the input (inside, so a
 * form that cannot be read is an answer like any refusal), and field errors come back under the form's names.
 */
export async function runFormAction<T>(
  convert: () => FormInput,
  work: (actor: Actor, input: unknown) => Promise<T>,
  successMessage?: string,
): Promise<ActionResult<T>> {
  let form: FormInput | undefined;
  const result = await runAction((actor) => {
    form = convert();
    return work(actor, form.input);
  }, successMessage);
  if (result.ok || !form) return result;
  return { ...result, fieldErrors: formFieldErrors(result.fieldErrors, form) };
}

/**
 * A form's action: its values (`formObject`, blanks kept with `keepBlank`) → `work` (through `convert` when the
 * form's fields differ from the domain's input) → a refusal comes back with what was typed, so the form keeps
 * its values. Revalidate or redirect after it, on `result.ok`.
 */
export async function submitForm<T>(
  formData: FormData,
  work: (actor: Actor, values: FlatForm) => Promise<T>,
  successMessage: string,
  options?: { keepBlank?: boolean },
): Promise<SubmittedForm<T>>;
export async function submitForm<T>(
  formData: FormData,
  work: (actor: Actor, input: unknown) => Promise<T>,
  successMessage: string,
  options: { convert: (values: FlatForm) => FormInput; keepBlank?: boolean },
): Promise<SubmittedForm<T>>;
export async function submitForm<T>(
  formData: FormData,
  work: (actor: Actor, input: never) => Promise<T>,
  successMessage: string,
  { convert, keepBlank = false }: { convert?: (values: FlatForm) => FormInput; keepBlank?: boolean } = {},
): Promise<SubmittedForm<T>> {
  const run = work as (actor: Actor, input: unknown) => Promise<T>;
  const values = formObject(formData, { keepBlank });
  const result = convert
    ? await runFormAction(() => convert(values), run, successMessage)
    : await runAction((actor) => run(actor, values), successMessage);
  return result.ok ? result : { ...result, values };
}

type SubmittedForm<T> = Exclude<FormState<T>, undefined>;
