import type { ErrorCode } from '../../../shared/ipc/result';

/**
 * The one error type the renderer's IPC client throws. It carries the contract's error code so views
 * can branch on it (FORBIDDEN, BUSY, ...) while the message stays readable for people.
 */
export class IpcError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'IpcError';
  }
}

/** A readable message for anything a view caught, whether or not it came through IPC. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'string') return error;
  return 'Something went wrong.';
}
