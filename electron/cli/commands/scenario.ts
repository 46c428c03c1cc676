import { roundForCsv as round, toCsv } from '../../../shared/domain/csv';
import { microsToMajor } from '../../../shared/domain/money';
import { scenarioRunCsv } from '../../../shared/domain/scenario/run-csv';
import { GOAL_TARGET_NAMES, parseGoalArguments, parseSetArguments, ScenarioInputError } from '../../../shared/domain/scenario/overrides';
import { ASSUMPTION_IDS, ASSUMPTIONS, TEAM_ASSUMPTION_IDS, TEAM_ASSUMPTIONS, type Assumption, type Scenario } from '../../../shared/domain/scenario/schema';
import type { ScenarioRun } from '../../../shared/ipc/contract-scenarios';
import { AppError } from '../../../shared/ipc/result';
import { openWorkspace, type Workspace } from '../../workspace/workspace';
import { call, intArg, printJson, requireWorkspaceArg, type CliArgs } from '../run-channel';

const formatOf = (args: CliArgs): 'csv' | 'json' => {
  const f = args['format'] ?? 'csv';
  if (f !== 'csv' && f !== 'json') throw new AppError('INVALID_INPUT', '--format must be csv or json');
  return f;
};
const str = (args: CliArgs, name: string): string | undefined => (typeof args[name] === 'string' ? (args[name] as string) : undefined);

function requireName(name: string | undefined, what = 'NAME'): string {
  if (!name) throw new AppError('INVALID_INPUT', `missing the scenario's ${what} (see yardstick --help)`);
  return name;
}

async function withWorkspace<T>(args: CliArgs, f: (ws: Workspace) => Promise<T>): Promise<T> {
  const ws = openWorkspace(requireWorkspaceArg(args), { create: false });
  try {
    return await f(ws);
  } finally {
    ws.close();
  }
}

const ASSUMPTION_HEADER = ['assumption', 'group', 'label', 'unit', 'value', 'low', 'likely', 'high', 'source', 'evidence_records', 'evidence_from', 'evidence_to', 'evidence_note'];

/** One line per assumption (the scenario's, then each team's), with its range and evidence; plan and capacity options last. */
function assumptionRows(s: Scenario): unknown[][] {
  const unitOf = (unit: string) => (unit === 'money' ? s.currency : unit);
  const line = (key: string, def: { group: string; label: string; unit: string }, a: Assumption) => [
    key,
    def.group,
    def.label,
    unitOf(def.unit),
    a.value,
    a.low ?? null,
    a.likely ?? null,
    a.high ?? null,
    a.source,
    a.evidence.records,
    a.evidence.from,
    a.evidence.to,
    a.evidence.note,
  ];
  const none = (key: string, group: string, label: string, value: unknown, note: string) => [key, group, label, '', value, null, null, null, '', null, null, null, note];
  return [
    ...ASSUMPTION_IDS.map((id) => line(id, ASSUMPTIONS[id], s.assumptions[id])),
    ...s.teams.flatMap((t) => TEAM_ASSUMPTION_IDS.map((id) => line(`team.${t.name}.${id}`, { ...TEAM_ASSUMPTIONS[id], label: `${t.name}: ${TEAM_ASSUMPTIONS[id].label}` }, t.assumptions[id]))),
    none('plan', 'Plan', 'Plan', s.plan.name, `${s.plan.shape}; allowance resets ${s.plan.allowanceResets}; credits per event ${JSON.stringify(s.plan.creditsPerEvent)}`),
    none('routed_share', 'Capacity', 'Share of eligible work routed (capacity plan)', s.capacity.routedShare, ''),
    none('run_credit_budget', 'Capacity', 'Run-credit budget per month', s.capacity.runCreditBudgetPerMonth ?? 'none', ''),
    none('ai_credit_budget', 'Capacity', 'AI-credit budget per month', s.capacity.aiCreditBudgetPerMonth ?? 'none', ''),
  ];
}

function printAssumptions(s: Scenario, format: 'csv' | 'json', extra: Record<string, unknown> = {}): void {
  if (format === 'json') printJson({ ...extra, scenario: s });
  else process.stdout.write(toCsv(ASSUMPTION_HEADER, assumptionRows(s)));
}

/** Turns the domain's input errors (a bad --set or --target) into the CLI's INVALID_INPUT. */
function userArgs<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    throw e instanceof ScenarioInputError ? new AppError('INVALID_INPUT', e.message) : e;
  }
}

const goalTargetNamed = (metric: string) => Object.entries(GOAL_TARGET_NAMES).find(([, t]) => t.metric === metric);
/** Money metrics print in major units like the rest of the CSV; counts and hours as they are. */
const goalFigure = (metric: string, v: number | null, currency: string) =>
  v === null ? null : metric === 'netSavingMicros' || goalTargetNamed(metric)?.[1].money ? microsToMajor(v, currency) : round(v, 4);

/** The goal seek as one CSV row: the question, the answer, where the assumption is now, and why there is none. */
function printSeek(run: ScenarioRun): void {
  const g = run.goalSeek!;
  const t = g.target;
  const [target, metric, goal] = t === 'break_even' ? ['break-even', 'netSavingMicros', 0] : [goalTargetNamed(t.metric)?.[0] ?? t.metric, t.metric, t.value];
  const current = run.scenario.assumptions[g.assumption as keyof Scenario['assumptions']].value;
  process.stdout.write(
    toCsv(
      ['assumption', 'target', 'target_value', 'found', 'value', 'current_value', 'achieved', 'search_low', 'search_high', 'iterations', 'reason'],
      [[g.assumption, target, goalFigure(metric, goal, run.currency), g.found, g.value === null ? null : round(g.value, 6), current, goalFigure(metric, g.achieved, run.currency), g.range[0], g.range[1], g.iterations, g.reason]],
    ),
  );
}

/**
 * `yardstick scenario list|show|run|seek|calibrate|rename|duplicate|delete|undo`: the Scenarios page
 * on the command line, through the same channels and engine.
 */
export async function scenarioCommand(sub: string | undefined, positional: string[], args: CliArgs, sets: string[]): Promise<void> {
  const format = formatOf(args);
  const [name, newName] = positional;
  switch (sub) {
    case 'list':
      return withWorkspace(args, async (ws) => {
        const list = await call(ws, 'scenarios:list', {});
        if (format === 'json') return void printJson(list);
        process.stdout.write(
          toCsv(
            ['name', 'pilot', 'plan', 'currency', 'start_month', 'horizon_months', 'calibrated_at', 'calibrated_records', 'updated_at'],
            list.map((s) => [s.name, s.pilot, s.plan, s.currency, s.startMonth, s.horizonMonths, s.calibratedAt, s.calibratedRecords, s.updatedAt]),
          ),
        );
      });
    case 'show':
      return withWorkspace(args, async (ws) => {
        const v = await call(ws, 'scenarios:get', { name: requireName(name) });
        printAssumptions(v.scenario, format, { createdAt: v.createdAt, updatedAt: v.updatedAt, canUndo: v.canUndo });
      });
    case 'run':
      return withWorkspace(args, async (ws) => {
        const set = userArgs(() => parseSetArguments(sets));
        const draws = intArg(args, 'draws', 0);
        const horizon = intArg(args, 'horizon', 0);
        const run = await call(ws, 'scenarios:run', {
          name: requireName(name),
          set,
          ...(horizon > 0 ? { horizonMonths: horizon } : {}),
          ...(draws > 0 ? { monteCarlo: { draws, seed: intArg(args, 'seed', 1) } } : {}),
          tornado: format === 'json',
          capacity: format === 'json',
        });
        if (format === 'json') printJson(run);
        else process.stdout.write(scenarioRunCsv(run));
      });
    case 'seek':
      // The Scenarios page's goal seek: which value of one assumption reaches the target, the others as they are (after --set).
      return withWorkspace(args, async (ws) => {
        const set = userArgs(() => parseSetArguments(sets));
        const goalSeek = userArgs(() => parseGoalArguments(str(args, 'vary'), str(args, 'target')));
        const horizon = intArg(args, 'horizon', 0);
        const run = await call(ws, 'scenarios:run', { name: requireName(name), set, goalSeek, tornado: false, capacity: false, ...(horizon > 0 ? { horizonMonths: horizon } : {}) });
        if (format === 'json') printJson({ scenario: run.scenario.name, currency: run.currency, goalSeek: run.goalSeek });
        else printSeek(run);
      });
    case 'calibrate':
      return withWorkspace(args, async (ws) => {
        const pilot = str(args, 'pilot');
        const horizon = intArg(args, 'horizon', 12);
        const scenario = await call(ws, 'scenarios:calibrate', { name: requireName(name), ...(pilot ? { pilot } : {}), horizonMonths: horizon, windowMonths: intArg(args, 'window', 6) });
        const saved = await call(ws, 'scenarios:save', scenario);
        const c = saved.scenario.calibration;
        process.stderr.write(`Saved scenario ${saved.scenario.name}: calibrated on ${c?.records ?? 0} records${c?.fromMonth ? ` (${c.fromMonth} – ${c.toMonth})` : ''}${pilot ? ` of pilot ${pilot}` : ''}\n`);
        printAssumptions(saved.scenario, format);
      });
    case 'rename':
    case 'duplicate':
      return withWorkspace(args, async (ws) => {
        const v = await call(ws, sub === 'rename' ? 'scenarios:rename' : 'scenarios:duplicate', { name: requireName(name), newName: requireName(newName, 'new name') });
        process.stdout.write(`${sub === 'rename' ? 'Renamed' : 'Duplicated'} ${name} → ${v.scenario.name}\n`);
      });
    case 'delete':
      return withWorkspace(args, async (ws) => {
        const { deleted } = await call(ws, 'scenarios:delete', { name: requireName(name) });
        if (!deleted) throw new AppError('NOT_FOUND', `No scenario named "${name}".`);
        process.stdout.write(`Deleted ${name} (yardstick scenario undo "${name}" brings it back)\n`);
      });
    case 'undo':
      return withWorkspace(args, async (ws) => {
        const { undone, scenario } = await call(ws, 'scenarios:undo', { name: requireName(name) });
        process.stdout.write(`Undid the ${undone} of ${name}${scenario ? `: ${scenario.scenario.name} is back as it was` : `: ${name} is gone`}\n`);
      });
    default:
      throw new AppError('INVALID_INPUT', 'use yardstick scenario list|show|run|seek|calibrate|rename|duplicate|delete|undo (see yardstick --help)');
  }
}
