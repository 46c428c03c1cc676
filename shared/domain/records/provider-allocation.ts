import { pushTo } from '../collections';
import type { ProviderLineInput, RunEventInput } from './types';

export type ProviderShare = { amountMicros: number; currency: string; day: string; model: string; share: number };

/**
 * Spreads provider spend billed directly to the AI tool's provider accounts (self-hosted plans)
 * over the model calls of the same day and model, by token share. Amounts are split so the parts
 * add up to the line exactly (the last call takes the rounding remainder). Lines of other accounts,
 * or with no model call to carry them, come back unallocated.
 */
export function allocateProviderSpend(
  settledCalls: readonly RunEventInput[],
  lines: readonly ProviderLineInput[],
  accounts: readonly string[],
): { byEvent: Map<string, ProviderShare[]>; unallocated: ProviderLineInput[] } {
  const callsByDayModel = new Map<string, RunEventInput[]>();
  for (const e of settledCalls) {
    // Calls the vendor charged as cloud AI credits are paid through the vendor, not the provider.
    if (e.type !== 'model_call_settled' || e.aiCreditsMicros !== 0 || !e.model) continue;
    pushTo(callsByDayModel, `${e.occurredAt.slice(0, 10)}|${e.model}`, e);
  }
  const wanted = new Set(accounts);
  const byEvent = new Map<string, ProviderShare[]>();
  const unallocated: ProviderLineInput[] = [];
  for (const line of lines) {
    const calls = line.account && wanted.has(line.account) && line.model ? callsByDayModel.get(`${line.occurredOn}|${line.model}`) : undefined;
    const tokens = calls?.reduce((n, c) => n + c.tokens, 0) ?? 0;
    if (!calls || calls.length === 0) {
      unallocated.push(line);
      continue;
    }
    let left = line.amountMicros;
    calls.forEach((call, i) => {
      const share = tokens > 0 ? call.tokens / tokens : 1 / calls.length;
      const amount = i === calls.length - 1 ? left : Math.round(line.amountMicros * share);
      left -= amount;
      pushTo(byEvent, call.eventId, { amountMicros: amount, currency: line.currency, day: line.occurredOn, model: line.model!, share });
    });
  }
  return { byEvent, unallocated };
}
