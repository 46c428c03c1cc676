import { z } from 'zod';

/** Error codes every caller can branch on; messages are for people, codes are for code. */
export const ErrorCodeSchema = z.enum([
  'INVALID_INPUT',
  'NOT_FOUND',
  'FORBIDDEN',
  'CONFLICT',
  'WORKSPACE_INVALID',
  'WORKSPACE_TOO_NEW',
  'CANCELLED',
  'BUSY',
  'UNAVAILABLE',
  'AUTH_FAILED',
  'NETWORK',
  'RATE_LIMITED',
  'REMOTE_ERROR',
  'INTERNAL',
]);
export type ErrorCode = z.infer<typeof ErrorCodeSchema>;

export const AppErrorSchema = z.object({
  code: ErrorCodeSchema,
  message: z.string(),
  details: z.unknown().optional(),
});
export type AppErrorShape = z.infer<typeof AppErrorSchema>;

/** Envelope for every call across a process boundary: handlers never throw across IPC. */
export type Result<T> = { ok: true; data: T } | { ok: false; error: AppErrorShape };

export const ok = <T>(data: T): Result<T> => ({ ok: true, data });
export const err = (code: ErrorCode, message: string, details?: unknown): Result<never> => ({
  ok: false,
  error: details === undefined ? { code, message } : { code, message, details },
});

/** Thrown inside handlers to choose the error code the caller sees. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }
}
