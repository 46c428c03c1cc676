import { useEffect, useState } from 'react';
import type { PlanRules } from '../../../../shared/domain/plans';
import type { Scenario } from '../../../../shared/domain/scenario';
import { errorMessage, on } from '../../lib/ipc';
import { fetchRecordCount, fetchSettings } from '../settings/settings-api';
import { calibrateScenario, fetchScenario, type ScenarioView } from './scenarios-api';

type Answer<T> = { key: string; request: number; data: T | null; error: string | null };

export type Fetched<T> = { data: T | null; error: string | null; loading: boolean; reload(): void };

/**
 * A value fetched for `key` (null: nothing to fetch), again when the key changes and whenever the
 * workspace's data does. An answer for another key or an older request is never shown; a refresh
 * of the same key keeps the previous answer on screen until the new one is in.
 */
function useFetched<T>(key: string | null, fetcher: (key: string) => Promise<T>): Fetched<T> {
  const [request, setRequest] = useState(0);
  const [answer, setAnswer] = useState<Answer<T> | null>(null);

  useEffect(() => on('workspace:data-changed', () => setRequest((n) => n + 1)), []);

  useEffect(() => {
    if (key === null) return;
    let current = true;
    fetcher(key).then(
      (data) => {
        if (current) setAnswer({ key, request, data, error: null });
      },
      (error: unknown) => {
        if (current) setAnswer({ key, request, data: null, error: errorMessage(error) });
      },
    );
    return () => {
      current = false;
    };
  }, [key, request, fetcher]);

  const mine = answer !== null && answer.key === key ? answer : null;
  return {
    data: mine?.data ?? null,
    error: mine?.error ?? null,
    loading: key !== null && (mine === null || mine.request !== request),
    reload: () => setRequest((n) => n + 1),
  };
}

const SEP = '\u0000';
const fetchByKey = (key: string): Promise<ScenarioView> => fetchScenario(key.split(SEP)[0]!);

/** A saved scenario by name; `stamp` (its updatedAt in the list) refetches it when it changes. */
export const useSavedScenario = (name: string | null, stamp: string): Fetched<ScenarioView> => useFetched(name === null ? null : `${name}${SEP}${stamp}`, fetchByKey);

const fetchMany = async (key: string): Promise<Record<string, ScenarioView>> => {
  const names = key === '' ? [] : key.split(SEP).filter((_, i) => i % 2 === 0);
  const views = await Promise.all(names.map((name) => fetchScenario(name)));
  return Object.fromEntries(views.map((v) => [v.scenario.name, v]));
};

/** Several saved scenarios (the compared ones), fetched together. */
export function useSavedScenarios(entries: readonly { name: string; stamp: string }[]): Fetched<Record<string, ScenarioView>> {
  return useFetched(entries.length === 0 ? null : entries.map((e) => `${e.name}${SEP}${e.stamp}`).join(SEP), fetchMany);
}

const calibrateByKey = (key: string): Promise<Scenario> => {
  const [name, pilot, window, horizon] = key.split(SEP) as [string, string, string, string];
  return calibrateScenario({ name, ...(pilot ? { pilot } : {}), windowMonths: Number(window), horizonMonths: Number(horizon) });
};

/** Months from one "YYYY-MM" to another, both counted. */
export const monthSpan = (from: string, to: string): number => (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + Number(to.slice(5, 7)) - Number(from.slice(5, 7)) + 1;

/**
 * The scenario's calibration done again now, over a window as long as its own: what "reset to
 * calibrated" restores. The saved scenario keeps no copy of a value it overrides, so the reference
 * is the data as it is today (the same numbers unless records changed since).
 */
export function useCalibrationReference(s: Scenario | null): Fetched<Scenario> {
  const c = s?.calibration ?? null;
  const key =
    s === null || c === null ? null : [s.name, c.pilot ?? '', c.fromMonth !== null && c.toMonth !== null ? Math.min(36, Math.max(1, monthSpan(c.fromMonth, c.toMonth))) : 6, s.horizonMonths].join(SEP);
  return useFetched(key, calibrateByKey);
}

const fetchPlans = async (): Promise<PlanRules[]> => (await fetchSettings()).plans;

/** The workspace's plans, for switching a scenario's plan. */
export const usePlans = (): Fetched<PlanRules[]> => useFetched('plans', fetchPlans);

const countRecords = (): Promise<number> => fetchRecordCount();

/** How many records the workspace holds (asked only while `enabled`: the empty state explains a workspace without any). */
export const useRecordCount = (enabled: boolean): Fetched<number> => useFetched(enabled ? 'records' : null, countRecords);
