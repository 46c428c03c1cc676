// Anthropic Admin API cost_report pages (reference §4.4), one per month with daily buckets grouped
// by description and workspace. The self-hosted Payments workspace pays Anthropic directly for
// Relay's model calls; a small data-science workspace adds spend that is not Relay's at all.

import type { RunEvent } from './model';
import type { Rng } from './rng';
import { dec } from './format';
import { MODELS } from './relay';
import { DAY, isWorkDay, isoDate, monthKey } from './time';
import type { DemoFile } from './types';

const RELAY_WORKSPACE = 'wrkspc_01JQ7PAYRELAY8N3V4CX2MZK5T';
const DS_WORKSPACE = 'wrkspc_01JQ9DATASCI5W7Y2B6QH3RFG0';

const NAMES: Record<string, string> = { 'claude-sonnet-4-6': 'Claude Sonnet 4.6', 'claude-haiku-4-5': 'Claude Haiku 4.5' };

type TokenType = 'uncached_input_tokens' | 'output_tokens' | 'cache_read_input_tokens' | 'cache_creation.ephemeral_5m_input_tokens';
const LABEL: Record<TokenType, string> = {
  uncached_input_tokens: 'Input Tokens',
  output_tokens: 'Output Tokens',
  cache_read_input_tokens: 'Cache Read',
  'cache_creation.ephemeral_5m_input_tokens': 'Cache Write (5m)',
};

type CostRow = {
  amount: string;
  currency: 'USD';
  cost_type: 'tokens';
  description: string;
  model: string;
  service_tier: 'standard';
  token_type: TokenType;
  context_window: '0-200k';
  inference_geo: null;
  workspace_id: string;
};

function price(model: string, type: TokenType): number {
  const m = MODELS[model];
  if (!m) return 0;
  if (type === 'uncached_input_tokens') return m.input;
  if (type === 'output_tokens') return m.output;
  if (type === 'cache_read_input_tokens') return m.cacheRead;
  return m.cacheWrite;
}

export function emitAnthropic(rng: Rng, events: RunEvent[], from: number, to: number): DemoFile[] {
  // day -> "workspace|model|tokenType" -> tokens
  const usage = new Map<string, Map<string, number>>();
  const add = (day: string, workspace: string, model: string, type: TokenType, tokens: number): void => {
    if (tokens <= 0) return;
    const byKey = usage.get(day) ?? new Map<string, number>();
    const key = `${workspace}|${model}|${type}`;
    byKey.set(key, (byKey.get(key) ?? 0) + tokens);
    usage.set(day, byKey);
  };
  for (const e of events) {
    if (e.type !== 'model_call_settled' || e.provider !== 'anthropic' || e.team.plan !== 'self-hosted' || !e.model) continue;
    const day = isoDate(e.at);
    add(day, RELAY_WORKSPACE, e.model, 'uncached_input_tokens', e.inputTokens ?? 0);
    add(day, RELAY_WORKSPACE, e.model, 'output_tokens', e.outputTokens ?? 0);
    add(day, RELAY_WORKSPACE, e.model, 'cache_read_input_tokens', e.cacheReadTokens ?? 0);
    add(day, RELAY_WORKSPACE, e.model, 'cache_creation.ephemeral_5m_input_tokens', e.cacheWriteTokens ?? 0);
  }
  for (let d = from; d <= to; d += DAY) {
    if (!isWorkDay(d) || !rng.chance(0.8)) continue;
    const day = isoDate(d);
    add(day, DS_WORKSPACE, 'claude-haiku-4-5', 'uncached_input_tokens', Math.round(rng.lognormal(400_000, 0.8)));
    add(day, DS_WORKSPACE, 'claude-haiku-4-5', 'output_tokens', Math.round(rng.lognormal(60_000, 0.8)));
  }

  const files: DemoFile[] = [];
  let month = '';
  let buckets: { starting_at: string; ending_at: string; results: CostRow[] }[] = [];
  const flush = (): void => {
    if (!month) return;
    files.push({ name: `anthropic-cost-report-${month}.json`, kind: 'anthropic-cost-report',
      content: `${JSON.stringify({ data: buckets, has_more: false, next_page: null }, null, 2)}\n` });
  };
  for (let d = from; d <= to; d += DAY) {
    if (monthKey(d) !== month) {
      flush();
      month = monthKey(d);
      buckets = [];
    }
    const day = isoDate(d);
    const results: CostRow[] = [];
    for (const [key, tokens] of usage.get(day) ?? []) {
      const [workspace = '', model = '', type = 'output_tokens'] = key.split('|') as [string, string, TokenType];
      // Cents, as a decimal string: "123.45" means $1.23 (reference §4.4).
      const cents = (tokens * price(model, type)) / 1e6 * 100;
      results.push({ amount: dec(cents, 4), currency: 'USD', cost_type: 'tokens',
        description: `${NAMES[model] ?? model} Usage - ${LABEL[type]}`, model, service_tier: 'standard', token_type: type,
        context_window: '0-200k', inference_geo: null, workspace_id: workspace });
    }
    results.sort((a, b) => a.workspace_id.localeCompare(b.workspace_id) || a.description.localeCompare(b.description));
    buckets.push({ starting_at: `${day}T00:00:00Z`, ending_at: `${isoDate(d + DAY)}T00:00:00Z`, results });
  }
  flush();
  return files;
}
