/** A problem the user can fix; its message is shown as is (it never contains the server key). */
export class UserError extends Error {
  readonly isUserError = true;
  constructor(message: string) {
    super(message);
    this.name = 'UserError';
  }
}

export function isUserError(e: unknown): e is UserError {
  return typeof e === 'object' && e !== null && (e as { isUserError?: unknown }).isUserError === true;
}
