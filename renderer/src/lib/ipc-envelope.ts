import type { z } from 'zod';
import { AppErrorSchema } from '../../../shared/ipc/result';
import { CONTRACT, EVENT_SCHEMAS, type ChannelOutput, type EventPayload } from '../../../shared/ipc/contract';
import type { Channel, EventName } from '../../../shared/ipc/channels';
import { IpcError } from './ipc-error';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** "figures.accepted: expected number" lines, short enough for a message and a log. */
function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(root)'}: ${issue.message}`)
    .join('; ');
}

/**
 * Turns a raw Result envelope into the channel's typed output, or throws IpcError.
 * The data is checked against the contract's output schema as well: a main process or host that
 * drifted from the contract then fails here with a clear message instead of deep inside a view.
 */
export function unwrapEnvelope<C extends Channel>(channel: C, raw: unknown): ChannelOutput<C> {
  if (!isRecord(raw) || typeof raw.ok !== 'boolean') {
    throw new IpcError('INTERNAL', `The answer to ${channel} was not a result envelope.`);
  }
  if (!raw.ok) {
    const error = AppErrorSchema.safeParse(raw.error);
    if (!error.success) {
      const message = isRecord(raw.error) && typeof raw.error.message === 'string' ? raw.error.message : `${channel} failed without a readable error.`;
      throw new IpcError('INTERNAL', message, raw.error);
    }
    throw new IpcError(error.data.code, error.data.message, error.data.details);
  }
  // Looked up by a generic key, the schema types as the union of all outputs; CONTRACT[C].output
  // parses to ChannelOutput<C> by construction, which is what the cast below restates.
  const schema: z.ZodType = CONTRACT[channel].output;
  const parsed = schema.safeParse(raw.data);
  if (!parsed.success) {
    throw new IpcError('INTERNAL', `The answer to ${channel} did not match the contract (${describeIssues(parsed.error)}).`, parsed.error.issues);
  }
  return parsed.data as ChannelOutput<C>;
}

/** Validates an event payload; null when it does not match, so one bad message cannot break a view. */
export function parseEventPayload<E extends EventName>(event: E, raw: unknown): EventPayload<E> | null {
  const schema: z.ZodType = EVENT_SCHEMAS[event];
  const parsed = schema.safeParse(raw);
  return parsed.success ? (parsed.data as EventPayload<E>) : null;
}
