import type { Preset, PresetId } from '../preset';
import { anthropicCostReportPreset } from './anthropic-cost-report';
import { copilotUsersPreset } from './copilot-users';
import { githubBillingPreset } from './github-billing';
import { runCreditsPreset } from './run-credits';

// Order matters for detection: the most specific formats first.
export const PRESETS: readonly Preset<unknown>[] = [
  runCreditsPreset as Preset<unknown>,
  copilotUsersPreset as Preset<unknown>,
  githubBillingPreset as Preset<unknown>,
  anthropicCostReportPreset as Preset<unknown>,
];

export const presetById = (id: PresetId): Preset<unknown> | undefined => PRESETS.find((p) => p.id === id);

export const detectPreset = (head: string): Preset<unknown> | undefined => PRESETS.find((p) => p.sniff(head));
