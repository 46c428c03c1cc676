import { AppError, type ErrorCode } from '../../../shared/ipc/result';

export type RemoteFailure = 'auth' | 'forbidden' | 'not-found' | 'rate-limited' | 'server' | 'network' | 'tls' | 'timeout' | 'protocol' | 'cancelled' | 'bad-request';

const CODE: Record<RemoteFailure, ErrorCode> = {
  auth: 'AUTH_FAILED',
  forbidden: 'FORBIDDEN',
  'not-found': 'NOT_FOUND',
  'rate-limited': 'RATE_LIMITED',
  server: 'REMOTE_ERROR',
  network: 'NETWORK',
  tls: 'NETWORK',
  timeout: 'NETWORK',
  protocol: 'REMOTE_ERROR',
  cancelled: 'CANCELLED',
  'bad-request': 'REMOTE_ERROR',
};

/** A failed call to Jira or GitLab, classified so the UI can say what to do about it. */
export class RemoteError extends AppError {
  constructor(
    readonly failure: RemoteFailure,
    message: string,
    readonly status?: number,
  ) {
    super(CODE[failure], message, { failure, ...(status ? { status } : {}) });
    this.name = 'RemoteError';
  }
}

const TLS_CODES = /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS|SSL|EPROTO/;

/** Describes a fetch() rejection (undici puts the system error in `cause`). */
export function classifyNetworkError(error: unknown, host: string): RemoteError {
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
  const code = cause?.code ?? (error as { code?: string })?.code ?? '';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return new RemoteError('network', `The host ${host} could not be found (DNS). Check the URL.`);
  if (cause?.message === 'bad port') return new RemoteError('network', `The port in ${host} is one web clients may not use (a browser would refuse it too); use the server's HTTP(S) port.`);
  if (code === 'ECONNREFUSED') return new RemoteError('network', `${host} refused the connection. Check the URL and port, and that the server is running.`);
  if (TLS_CODES.test(code) || TLS_CODES.test(cause?.message ?? '')) {
    return new RemoteError('tls', `The TLS certificate of ${host} could not be verified (${code || cause?.message}). If it is a private certificate authority, add it to the system's trusted certificates.`);
  }
  if (code === 'UND_ERR_CONNECT_TIMEOUT' || code === 'ETIMEDOUT' || (error as Error)?.name === 'TimeoutError') {
    return new RemoteError('timeout', `${host} did not answer in time.`);
  }
  return new RemoteError('network', `The connection to ${host} failed (${code || (error as Error)?.message || 'unknown error'}).`);
}
