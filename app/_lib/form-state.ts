import type { ActionResult } from './action';

/** What a form action returns: the action's result plus the submitted values, so a refused form keeps them. */
export type FormState<T = unknown> = (ActionResult<T> & { values?: Record<string, string> }) | undefined;

/** The errors of one field, for `errors={fieldErrorsOf(state, 'name')}`. */
export function fieldErrorsOf(state: FormState, name: string): string[] | undefined {
  return state && !state.ok ? state.fieldErrors[name] : undefined;
}
