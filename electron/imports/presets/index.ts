import type { Preset, PresetId } from '../preset';
import { anthropicCostReportPreset } from './anthropic-cost-report';
import { copilotOrgPreset } from './copilot-org';
import { copilotUsersPreset } from './copilot-users';
import { githubBillingPreset } from './github-billing';
import { openAiCostsPreset } from './openai-costs';
import { runCreditsPreset } from './run-credits';

// Order matters for detection: the most specific formats first.
export const PRESETS: readonly (Preset<unknown> & { id: PresetId })[] = [
  runCreditsPreset as Preset<unknown> & { id: PresetId },
  copilotOrgPreset as Preset<unknown> & { id: PresetId },
  copilotUsersPreset as Preset<unknown> & { id: PresetId },
  githubBillingPreset as Preset<unknown> & { id: PresetId },
  openAiCostsPreset as Preset<unknown> & { id: PresetId },
  anthropicCostReportPreset as Preset<unknown> & { id: PresetId },
];

export const presetById = (id: string): Preset<unknown> | undefined => PRESETS.find((p) => p.id === id);

export const detectPreset = (head: string): Preset<unknown> | undefined => PRESETS.find((p) => p.sniff(head));
