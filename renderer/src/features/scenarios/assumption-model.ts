import { formatMoney } from '../../../../shared/domain/money';
import { ASSUMPTIONS, ASSUMPTION_IDS, TEAM_ASSUMPTIONS, TEAM_ASSUMPTION_IDS, type Assumption, type AssumptionId, type AssumptionUnit, type Scenario, type TeamAssumptionId } from '../../../../shared/domain/scenario';
import { assumptionIssues } from '../../../../shared/domain/scenario/overrides';
import { NO_VALUE, formatDecimal, formatHours, formatMonthLong } from '../../lib/format';

/** An assumption of the scenario (its id) or of one of its teams (`team.NAME.ID`, as on the command line). */
export type AssumptionKey = string;

export type AssumptionDef = { label: string; unit: AssumptionUnit; min: number; max: number; description: string };

type Parsed = { kind: 'scenario'; id: AssumptionId } | { kind: 'team'; team: string; id: TeamAssumptionId };

const TEAM_KEY = /^team\.(.+)\.([a-z_]+)$/;

export const teamKey = (team: string, id: TeamAssumptionId): AssumptionKey => `team.${team}.${id}`;

function parseKey(key: AssumptionKey): Parsed | null {
  if ((ASSUMPTION_IDS as string[]).includes(key)) return { kind: 'scenario', id: key as AssumptionId };
  const match = TEAM_KEY.exec(key);
  if (match && (TEAM_ASSUMPTION_IDS as string[]).includes(match[2]!)) return { kind: 'team', team: match[1]!, id: match[2] as TeamAssumptionId };
  return null;
}

export function defOf(key: AssumptionKey): AssumptionDef | null {
  const parsed = parseKey(key);
  if (parsed === null) return null;
  return parsed.kind === 'scenario' ? ASSUMPTIONS[parsed.id] : TEAM_ASSUMPTIONS[parsed.id];
}

export function assumptionAt(s: Scenario, key: AssumptionKey): Assumption | null {
  const parsed = parseKey(key);
  if (parsed === null) return null;
  if (parsed.kind === 'scenario') return s.assumptions[parsed.id];
  return s.teams.find((t) => t.name === parsed.team)?.assumptions[parsed.id] ?? null;
}

/** A copy of the scenario with one assumption replaced (the rest is shared, not copied). */
export function withAssumption(s: Scenario, key: AssumptionKey, a: Assumption): Scenario {
  const parsed = parseKey(key);
  if (parsed === null) return s;
  if (parsed.kind === 'scenario') return { ...s, assumptions: { ...s.assumptions, [parsed.id]: a } };
  return { ...s, teams: s.teams.map((t) => (t.name === parsed.team ? { ...t, assumptions: { ...t.assumptions, [parsed.id]: a } } : t)) };
}

// ----- units: shares and growth are typed and shown as percentages, money in major units -----

const PERCENT_UNITS = new Set<AssumptionUnit>(['share', 'growth']);
export const isPercentUnit = (unit: AssumptionUnit): boolean => PERCENT_UNITS.has(unit);

/** The suffix beside an input: what the typed number means. */
export function unitSuffix(unit: AssumptionUnit, currency: string): string {
  switch (unit) {
    case 'share':
      return '%';
    case 'growth':
      return '%/month';
    case 'money':
      return currency;
    case 'hours':
      return 'h';
    case 'minutes':
      return 'min';
    default:
      return unit;
  }
}

/** Money that may be a fraction of a penny (a CI minute costs £0.0049): four significant digits below one unit. */
export function formatMoneyValue(major: number, currency: string): string {
  if (Math.abs(major) >= 1 || major === 0) return formatMoney(Math.round(major * 1e6), currency);
  return new Intl.NumberFormat('en-GB', { style: 'currency', currency, maximumSignificantDigits: 3 }).format(major);
}

/** An assumption's value as read: "70.6%", "£4.00", "0.6 h", "82.7 items". */
export function formatAssumptionValue(unit: AssumptionUnit, value: number, currency: string): string {
  if (!Number.isFinite(value)) return NO_VALUE;
  switch (unit) {
    case 'share':
      return `${trimmed(value * 100, 1)}%`;
    case 'growth':
      return `${value > 0 ? '+' : ''}${trimmed(value * 100, 2)}% a month`;
    case 'money':
      return formatMoneyValue(value, currency);
    case 'hours':
      return formatHours(value);
    case 'minutes':
      return `${trimmed(value, 1)} min`;
    case 'people':
      return `${trimmed(value, 1)} people`;
    case 'items':
      return `${trimmed(value, 1)} items`;
    default:
      return `${trimmed(value, 2)} ${unit}`;
  }
}

/** The low end of a range: the unit said once, after the high end ("67.5 – 88.5 items"). */
function formatRangeLow(unit: AssumptionUnit, value: number, currency: string): string {
  switch (unit) {
    case 'growth':
      return `${value > 0 ? '+' : ''}${trimmed(value * 100, 2)}%`;
    case 'minutes':
    case 'people':
    case 'items':
      return trimmed(value, 1);
    case 'hours':
      return formatHours(value).replace(/ h$/, '');
    case 'share':
    case 'money':
      return formatAssumptionValue(unit, value, currency);
    default:
      return trimmed(value, 2);
  }
}

export const formatRange = (unit: AssumptionUnit, low: number, high: number, currency: string): string =>
  `${formatRangeLow(unit, low, currency)} – ${formatAssumptionValue(unit, high, currency)}`;

/** Grouped digits with up to `digits` decimals, trailing zeros dropped: 82.6666 → "82.7", 4 → "4". */
function trimmed(value: number, digits: number): string {
  return new Intl.NumberFormat('en-GB', { maximumFractionDigits: digits }).format(value);
}

/** The number an input shows for a value (percent for shares), precise enough to edit without surprise. */
export function inputText(unit: AssumptionUnit, value: number | undefined): string {
  if (value === undefined || !Number.isFinite(value)) return '';
  const shown = isPercentUnit(unit) ? value * 100 : value;
  const digits = Math.abs(shown) >= 100 ? 2 : 4;
  return String(Number(shown.toFixed(digits)));
}

/** A typed number in the input's unit ("70.5", "70.5%", "1,200"), as the engine's value; null when not a number. */
export function parseInput(unit: AssumptionUnit, text: string): number | null {
  const cleaned = text.replace(/[,\s]/g, '').replace(/%$/, '');
  if (cleaned === '' || !/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(cleaned)) return null;
  const n = Number(cleaned);
  if (!Number.isFinite(n)) return null;
  return isPercentUnit(unit) ? n / 100 : n;
}

// ----- edits -----

export type EditResult = { ok: true; assumption: Assumption; rangeCleared: boolean } | { ok: false; error: string };

const bounds = (def: AssumptionDef, currency: string) => `${formatAssumptionValue(def.unit, def.min, currency)} to ${formatAssumptionValue(def.unit, def.max, currency)}`;

function checked(key: AssumptionKey, a: Assumption, def: AssumptionDef, currency: string, rangeCleared: boolean): EditResult {
  const issues = assumptionIssues(key, a, def);
  if (issues.length === 0) return { ok: true, assumption: a, rangeCleared };
  const outside = [a.value, a.low, a.high].some((v) => v !== undefined && (v < def.min || v > def.max));
  return { ok: false, error: outside ? `Must be between ${bounds(def, currency)}.` : 'The range must run low ≤ likely ≤ high.' };
}

/**
 * A new value for an assumption, as an override. A range that still holds the value is kept (the
 * value becomes its likely point); one that no longer does is dropped, as a point override on the
 * command line drops it: the user said what the value is.
 */
export function editValue(key: AssumptionKey, a: Assumption, value: number, currency: string): EditResult {
  const def = defOf(key);
  if (def === null) return { ok: false, error: `Unknown assumption ${key}.` };
  const ranged = a.low !== undefined && a.high !== undefined;
  const keeps = ranged && a.low! <= value && value <= a.high!;
  const next: Assumption = keeps ? { value, low: a.low!, likely: value, high: a.high!, evidence: a.evidence, source: 'override' } : { value, evidence: a.evidence, source: 'override' };
  return checked(key, next, def, currency, ranged && !keeps);
}

/** A new low / high around the value (both null: no range, the value is a point). */
export function editRange(key: AssumptionKey, a: Assumption, low: number | null, high: number | null, currency: string): EditResult {
  const def = defOf(key);
  if (def === null) return { ok: false, error: `Unknown assumption ${key}.` };
  if (low === null && high === null) return checked(key, { value: a.value, evidence: a.evidence, source: 'override' }, def, currency, false);
  if (low === null || high === null) return { ok: false, error: 'Give both a low and a high, or neither.' };
  return checked(key, { value: a.value, low, likely: a.value, high, evidence: a.evidence, source: 'override' }, def, currency, false);
}

/** Every assumption the reference calibration has, back at its calibrated value, range and evidence. */
export function resetAssumption(s: Scenario, key: AssumptionKey, reference: Scenario): Scenario {
  const calibrated = assumptionAt(reference, key);
  return calibrated === null ? s : withAssumption(s, key, calibrated);
}

export const isOverridden = (a: Assumption): boolean => a.source === 'override';

// ----- the panel's rows -----

export type PanelGroup = 'Volume' | 'Funnel' | 'Repairs' | 'Plan' | 'AI and CI' | 'Hours' | 'Rates';

const PANEL_GROUP: Record<(typeof ASSUMPTIONS)[AssumptionId]['group'], PanelGroup> = {
  Volume: 'Volume',
  Funnel: 'Funnel',
  Repairs: 'Repairs',
  Plan: 'Plan',
  'AI usage': 'AI and CI',
  CI: 'AI and CI',
  'Human hours': 'Hours',
  Rates: 'Rates',
};
export const PANEL_GROUPS: readonly PanelGroup[] = ['Volume', 'Funnel', 'Repairs', 'Plan', 'AI and CI', 'Hours', 'Rates'];

export type AssumptionRow = {
  key: AssumptionKey;
  label: string;
  description: string;
  unit: AssumptionUnit;
  suffix: string;
  assumption: Assumption;
  valueText: string;
  /** "66%–75%", or null for a point. */
  rangeText: string | null;
  overridden: boolean;
  /** The calibrated value when the assumption is overridden and a calibration is at hand. */
  calibratedText: string | null;
  canReset: boolean;
  evidence: { records: string; period: string | null; note: string };
};

/** "April – September 2026"; one month alone when from equals to. */
export function formatPeriod(from: string | null, to: string | null): string | null {
  if (from === null || to === null) return null;
  return from === to ? formatMonthLong(from) : `${formatMonthLong(from)} – ${formatMonthLong(to)}`;
}

export function rowOf(s: Scenario, key: AssumptionKey, reference: Scenario | null, labelPrefix = ''): AssumptionRow | null {
  const def = defOf(key);
  const a = assumptionAt(s, key);
  if (def === null || a === null) return null;
  const f = (v: number) => formatAssumptionValue(def.unit, v, s.currency);
  const calibrated = reference === null ? null : assumptionAt(reference, key);
  const overridden = isOverridden(a);
  return {
    key,
    label: `${labelPrefix}${def.label}`,
    description: def.description,
    unit: def.unit,
    suffix: unitSuffix(def.unit, s.currency),
    assumption: a,
    valueText: f(a.value),
    rangeText: a.low !== undefined && a.high !== undefined && a.high > a.low ? formatRange(def.unit, a.low, a.high, s.currency) : null,
    overridden,
    calibratedText: overridden && calibrated !== null ? f(calibrated.value) : null,
    canReset: overridden && calibrated !== null,
    evidence: {
      records: a.evidence.records === 1 ? '1 record' : `${formatDecimal(a.evidence.records, 0)} records`,
      period: formatPeriod(a.evidence.from, a.evidence.to),
      note: a.evidence.note,
    },
  };
}

export type RowGroup = { id: string; title: string; rows: AssumptionRow[] };

/** Every assumption of the scenario grouped as the panel shows them, then one group per team. */
export function assumptionGroups(s: Scenario, reference: Scenario | null): RowGroup[] {
  const groups: RowGroup[] = PANEL_GROUPS.map((group) => ({
    id: group,
    title: group,
    rows: ASSUMPTION_IDS.filter((id) => PANEL_GROUP[ASSUMPTIONS[id].group] === group)
      .map((id) => rowOf(s, id, reference))
      .filter((r): r is AssumptionRow => r !== null),
  }));
  for (const team of s.teams) {
    groups.push({
      id: `team:${team.name}`,
      title: `Team ${team.name}`,
      rows: TEAM_ASSUMPTION_IDS.map((id) => rowOf(s, teamKey(team.name, id), reference)).filter((r): r is AssumptionRow => r !== null),
    });
  }
  return groups;
}

/** How many assumptions are overridden (the scenario's and its teams'). */
export function overrideCount(s: Scenario): number {
  return ASSUMPTION_IDS.filter((id) => isOverridden(s.assumptions[id])).length + s.teams.reduce((n, t) => n + TEAM_ASSUMPTION_IDS.filter((id) => isOverridden(t.assumptions[id])).length, 0);
}
