'use server';

import { runAction, type ActionResult } from '@/app/_lib/action';
import { currentSessionId } from '@/app/_lib/session';
import { changeOwnPassword } from '@/db/auth/account';

export type ChangePasswordState = ActionResult<undefined> | undefined;

export async function changePasswordAction(
  _previous: ChangePasswordState,
  formData: FormData,
): Promise<ChangePasswordState> {
  const input = {
    currentPassword: String(formData.get('currentPassword') ?? ''),
    newPassword: String(formData.get('newPassword') ?? ''),
    confirmPassword: String(formData.get('confirmPassword') ?? ''),
  };
  const sessionId = (await currentSessionId()) ?? '';
  return runAction(async (actor) => {
    await changeOwnPassword(actor, sessionId, input);
    return undefined;
  }, 'Password changed. Your other sessions are signed out.');
}
