import { beforeEach, describe, expect, it } from 'vitest';
import { exampleScenario } from '../../../../shared/domain/scenario/example';
import { MAX_COMPARED } from './comparison-view-model';
import { useScenariosUi } from './scenarios-store';

const base = exampleScenario({}, { name: 'Today' });
const edited = (v: number, name = 'Today') => ({ ...base, name, assumptions: { ...base.assumptions, acceptance_rate: { ...base.assumptions.acceptance_rate, value: v } } });

beforeEach(() => useScenariosUi.setState({ selected: null, drafts: {}, conflicts: {}, compare: [], lastChange: null }));

describe('scenarios session state', () => {
  it('keeps edits per scenario until saved or discarded, and notes a saved version that moved under them', () => {
    const ui = useScenariosUi.getState();
    ui.loadSaved(base);
    ui.edit('Today', edited(0.9), 'acceptance_rate:value');
    ui.edit('Today', edited(0.95), 'acceptance_rate:value');
    expect(useScenariosUi.getState().drafts['Today']!.past).toHaveLength(1);
    ui.loadSaved(edited(0.5));
    expect(useScenariosUi.getState().conflicts['Today']).toBe(true);
    expect(useScenariosUi.getState().drafts['Today']!.current.assumptions.acceptance_rate.value).toBe(0.95);
    ui.discard('Today');
    expect(useScenariosUi.getState().drafts['Today']!.current.assumptions.acceptance_rate.value).toBe(0.5);
    expect(useScenariosUi.getState().conflicts['Today']).toBeUndefined();
  });

  it('renames every snapshot of a draft, so an undo never brings back the old name', () => {
    const ui = useScenariosUi.getState();
    ui.loadSaved(base);
    ui.select('Today');
    ui.toggleCompare('Other');
    ui.edit('Today', edited(0.9));
    ui.renamed('Today', 'Tomorrow');
    const s = useScenariosUi.getState();
    expect(s.drafts['Today']).toBeUndefined();
    expect(s.selected).toBe('Tomorrow');
    s.undo('Tomorrow');
    const d = useScenariosUi.getState().drafts['Tomorrow']!;
    expect(d.current.name).toBe('Tomorrow');
    expect(d.base.name).toBe('Tomorrow');
    expect(d.future[0]!.name).toBe('Tomorrow');
  });

  it('compares at most MAX_COMPARED scenarios and forgets deleted ones', () => {
    const ui = useScenariosUi.getState();
    for (let i = 0; i < MAX_COMPARED + 2; i++) ui.toggleCompare(`S${i}`);
    expect(useScenariosUi.getState().compare).toHaveLength(MAX_COMPARED);
    ui.toggleCompare('S0');
    expect(useScenariosUi.getState().compare).not.toContain('S0');
    ui.keepCompared(['S1', 'S3']);
    expect(useScenariosUi.getState().compare).toEqual(['S1', 'S3']);
    ui.forget('S1');
    expect(useScenariosUi.getState().compare).toEqual(['S3']);
  });
});
