// The sign-in errors the form shows as they are (everything else is the generic "wrong email or password").
// next-auth carries an authorize() error's message to the form as its `error`.
export const BUSY_SIGN_IN_ERROR = 'ServerBusy';
export const BUSY_SIGN_IN_MESSAGE = 'The server is busy checking other sign-ins. Please try again in a few seconds.';
export const GENERIC_SIGN_IN_MESSAGE = 'Wrong email or password.';

export function signInErrorMessage(error: string | null | undefined, status?: number): string {
  if (error === BUSY_SIGN_IN_ERROR || status === 503) return BUSY_SIGN_IN_MESSAGE;
  if (error?.startsWith('Too many failed sign-ins')) return error;
  return GENERIC_SIGN_IN_MESSAGE;
}
