// GitHub side: Copilot users-1-day NDJSON reports (reference §3.2; one per Monday) and the monthly
// billing usage CSV (§4.1 summarized; the §4.2 native AI-credit variant for the last three months).
// Both come from the same simulated per-user-day credit use, so metric and invoice roughly agree
// without being the same thing.

import type { Company, Person, Team } from './model';
import { type Rng, must } from './rng';
import { csvLine, dec } from './format';
import { DAY, PERIOD_START, isHoliday, isWorkDay, isoDate, monthKey, slashDate } from './time';
import type { DemoFile } from './types';

const ORG = 'northwind-logistics';
const ENTERPRISE_ID = '4021';
const ORGANIZATION_ID = '88120';
/** Per-user report files exist from this day on (reference §3.1). */
const REPORTS_FROM = Date.UTC(2025, 9, 10);
/** Months rendered in the newer native AI-credit export shape. */
const NATIVE_FROM = '2026-07';
const INCLUDED_CREDITS_PER_SEAT = 300;

const SUMMARY_HEADER = 'date,product,sku,quantity,unit_type,applied_cost_per_quantity,gross_amount,discount_amount,net_amount,username,organization,repository,workflow_path,cost_center_name';
const NATIVE_HEADER = 'date,username,product,sku,model,quantity,unit_type,applied_cost_per_quantity,gross_amount,discount_amount,net_amount,total_monthly_quota,organization,cost_center_name,aic_quantity,aic_gross_amount';

const LANGUAGES: Record<string, string[]> = { PLAT: ['go', 'hcl'], PAY: ['kotlin', 'typescript'], MOB: ['swift', 'typescript'], DATA: ['python', 'sql'] };
const CHAT_MODELS = [['GPT-5.2', 40], ['Claude Sonnet 4.5', 45], ['Gemini 2.5 Pro', 15]] as const;
const PLUGINS: Record<Person['ide'], string> = { vscode: 'copilot-chat', jetbrains: 'copilot-intellij', xcode: 'copilot-xcode', neovim: 'copilot.vim' };

type UserDay = {
  person: Person;
  day: number;
  interactions: number;
  generated: number;
  accepted: number;
  locSuggested: number;
  locAdded: number;
  locDeleted: number;
  usedAgent: boolean;
  usedChat: boolean;
  usedCli: boolean;
  reviewPassive: boolean;
  /** Model -> AI credits from chat/agent use; coding-agent credits are separate. */
  models: [string, number][];
  codingAgent: number;
  credits: number;
};

function simulateDays(rng: Rng, company: Company, from: number, to: number): Map<number, UserDay[]> {
  const seats = company.people.filter((p) => p.copilot);
  const days = new Map<number, UserDay[]>();
  for (let d = from; d <= to; d += DAY) {
    const month = (d - PERIOD_START) / (30.4 * DAY);
    const list: UserDay[] = [];
    for (const person of seats) {
      const active = isWorkDay(d) ? 0.85 : isHoliday(d) ? 0.08 : 0.05;
      if (!rng.chance(active)) continue;
      const generated = Math.round(rng.lognormal(30, 0.6));
      const accepted = Math.round(generated * rng.float(0.22, 0.5));
      const usedAgent = rng.chance(0.2 + 0.035 * month);
      const usedChat = usedAgent || rng.chance(0.55);
      const models: [string, number][] = [];
      const growth = 1 + 0.08 * month;
      const chatCredits = usedAgent ? rng.lognormal(18 * growth, 0.7) : usedChat ? rng.lognormal(4, 0.6) : 0;
      if (chatCredits > 0) {
        const first = rng.weighted(CHAT_MODELS);
        if (rng.chance(0.35)) {
          const second = rng.weighted(CHAT_MODELS.filter(([m]) => m !== first));
          const split = rng.float(0.3, 0.8);
          models.push([first, round2(chatCredits * split)], [second, round2(chatCredits * (1 - split))]);
        } else {
          models.push([first, round2(chatCredits)]);
        }
      }
      const codingAgent = rng.chance(0.03 + 0.006 * month) ? round2(rng.lognormal(60, 0.5)) : 0;
      const credits = round2(models.reduce((s, [, c]) => s + c, 0) + codingAgent);
      list.push({
        person, day: d, interactions: usedChat ? Math.round(rng.lognormal(8, 0.7)) : 0, generated, accepted,
        locSuggested: Math.round(generated * rng.lognormal(8, 0.4)), locAdded: Math.round(accepted * rng.lognormal(7, 0.4)),
        locDeleted: Math.round(accepted * rng.float(0, 2)), usedAgent, usedChat, usedCli: rng.chance(0.1 + 0.02 * month),
        reviewPassive: rng.chance(0.3), models, codingAgent, credits,
      });
    }
    days.set(d, list);
  }
  return days;
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

function teamOf(company: Company, p: Person): Team {
  return must(company.teams.find((t) => t.key === p.team), 'team');
}

function userRecord(company: Company, u: UserDay): Record<string, unknown> {
  const day = isoDate(u.day);
  const monthIndex = Math.max(0, Math.floor((u.day - PERIOD_START) / (30.4 * DAY)));
  const sampledAt = `${day}T08:${String(10 + (u.person.githubId % 40)).padStart(2, '0')}:02.000Z`;
  const counts = {
    code_acceptance_activity_count: u.accepted, code_generation_activity_count: u.generated, loc_added_sum: u.locAdded,
    loc_deleted_sum: u.locDeleted, loc_suggested_to_add_sum: u.locSuggested, loc_suggested_to_delete_sum: 0,
  };
  const language = must(LANGUAGES[teamOf(company, u.person).key]?.[u.person.githubId % 2], 'language');
  const features = [{ ...counts, feature: 'code_completion', user_initiated_interaction_count: 0 }];
  if (u.usedAgent) {
    features.push({ code_acceptance_activity_count: 0, code_generation_activity_count: 0, feature: 'agent_edit',
      loc_added_sum: Math.round(u.locAdded / 3), loc_deleted_sum: 0, loc_suggested_to_add_sum: 0, loc_suggested_to_delete_sum: 0,
      user_initiated_interaction_count: u.interactions });
  }
  const record: Record<string, unknown> = {
    ai_credits_used: u.credits,
    ...counts,
    day,
    enterprise_id: ENTERPRISE_ID,
    organization_id: ORGANIZATION_ID,
  };
  if (u.usedCli) {
    const requests = 2 + (u.person.githubId % 6);
    record.totals_by_cli = {
      last_known_cli_version: { cli_version: `1.0.${monthIndex + 1}`, sampled_at: sampledAt }, prompt_count: Math.ceil(requests / 2),
      request_count: requests, session_count: 1,
      token_usage: { avg_tokens_per_request: 4400, output_tokens_sum: requests * 1800, prompt_tokens_sum: requests * 2600 },
    };
  }
  Object.assign(record, {
    totals_by_feature: features,
    totals_by_ide: [{ ...counts, ide: u.person.ide,
      last_known_ide_version: { ide_version: u.person.ide === 'vscode' ? `1.${105 + monthIndex}.0` : `2026.${1 + (monthIndex % 3)}`, sampled_at: sampledAt },
      last_known_plugin_version: { plugin: PLUGINS[u.person.ide], plugin_version: `0.${31 + monthIndex}.0`, sampled_at: sampledAt },
      user_initiated_interaction_count: u.interactions }],
    totals_by_language_feature: [{ ...counts, feature: 'code_completion', language }],
    totals_by_language_model: [],
    totals_by_model_feature: [],
    used_agent: u.usedAgent,
    used_chat: u.usedChat,
    used_cli: u.usedCli,
    used_copilot_code_review_active: false,
    used_copilot_code_review_passive: u.reviewPassive,
    user_id: u.person.githubId,
    user_login: u.person.githubLogin,
    user_initiated_interaction_count: u.interactions,
    etl_id: 'green',
    day_partition: day,
    entity_id_partition: 1,
  });
  return record;
}

function cents(x: number): string {
  return (x / 100).toFixed(2);
}

export function emitGitHub(rng: Rng, company: Company, from: number, to: number): DemoFile[] {
  const days = simulateDays(rng, company, from, to);
  const files: DemoFile[] = [];
  for (const [d, list] of days) {
    if (d < REPORTS_FROM || new Date(d).getUTCDay() !== 1) continue;
    // A bank-holiday Monday can have nobody active; no report file is written for it.
    if (list.length === 0) continue;
    files.push({ name: `copilot-users-1-day-${isoDate(d)}.ndjson`, kind: 'copilot-users-1-day',
      content: list.map((u) => `${JSON.stringify(userRecord(company, u))}\n`).join('') });
  }

  const seats = company.people.filter((p) => p.copilot).length;
  const pool = seats * INCLUDED_CREDITS_PER_SEAT;
  const byMonth = new Map<string, string[]>();
  let month = '';
  let poolLeft = 0;
  // Included credits are consumed in date order; after that every credit is billed at $0.01.
  const bill = (quantity: number): [number, number, number] => {
    const gross = Math.round(quantity);
    const discount = Math.min(gross, Math.max(0, Math.round(poolLeft)));
    poolLeft -= discount;
    return [gross, discount, gross - discount];
  };
  let privateMinutes = 0;
  for (const [d, list] of days) {
    if (monthKey(d) !== month) {
      month = monthKey(d);
      poolLeft = pool;
      privateMinutes = 0;
      byMonth.set(month, []);
    }
    const rows = must(byMonth.get(month));
    if (month >= NATIVE_FROM) {
      for (const u of list) {
        const center = teamOf(company, u.person).name;
        const items: [string, string, number][] = u.models.map(([m, c]) => ['copilot_ai_credit', m, c]);
        if (u.codingAgent > 0) items.push(['coding_agent_ai_credit', 'Claude Sonnet 4.5', u.codingAgent]);
        for (const [sku, model, quantity] of items) {
          const [gross, discount, net] = bill(quantity);
          rows.push(csvLine([slashDate(d), u.person.githubLogin, 'copilot', sku, model, dec(quantity, 2), 'ai-credits', '0.01',
            cents(gross), cents(discount), cents(net), pool, ORG, center, dec(quantity, 2), cents(gross)]));
        }
      }
      continue;
    }
    const date = isoDate(d);
    for (const team of company.teams) {
      const members = list.filter((u) => u.person.team === team.key);
      const chat = round2(members.reduce((s, u) => s + u.models.reduce((a, [, c]) => a + c, 0), 0));
      const agent = round2(members.reduce((s, u) => s + u.codingAgent, 0));
      for (const [sku, quantity] of [['copilot_ai_credit', chat], ['coding_agent_ai_credit', agent]] as const) {
        if (quantity <= 0) continue;
        const [gross, discount, net] = bill(quantity);
        rows.push(csvLine([date, 'copilot', sku, dec(quantity, 2), 'ai-credits', '0.01', cents(gross), cents(discount), cents(net),
          '', ORG, '', '', team.name]));
      }
    }
    if (new Date(d).getUTCDay() === 3) {
      // A public SDK mirror (free minutes) and a private config repo that eats into included minutes.
      const publicMinutes = Math.round(rng.lognormal(140, 0.5));
      const pub = Math.round(publicMinutes * 0.8);
      rows.push(csvLine([date, 'actions', 'actions_linux', publicMinutes, 'minutes', '0.008', cents(pub), cents(pub), '0.00', '',
        ORG, `${ORG}/mobile-sdk-public`, '', 'Mobile']));
      const minutes = Math.round(rng.lognormal(900, 0.4));
      const free = Math.max(0, Math.min(minutes, 2000 - privateMinutes));
      privateMinutes += minutes;
      const gross = Math.round(minutes * 0.8);
      const discount = Math.round(free * 0.8);
      rows.push(csvLine([date, 'actions', 'actions_linux', minutes, 'minutes', '0.008', cents(gross), cents(discount),
        cents(gross - discount), '', ORG, `${ORG}/relay-config`, '', 'Platform']));
    }
  }
  for (const [m, rows] of byMonth) {
    files.push({ name: `github-billing-${m}.csv`, kind: 'github-billing',
      content: `${[m >= NATIVE_FROM ? NATIVE_HEADER : SUMMARY_HEADER, ...rows].join('\n')}\n` });
  }
  return files;
}
