import { describe, expect, it } from 'vitest';
import { dataFootnote, scenarioFootnote } from './footnote';
import { footnoteLines, frameLayout, wrapLines } from './frame';

describe('chart frame', () => {
  it('breaks text at spaces into lines that read back as the text', () => {
    const text = 'Data Jan 2026 – Sep 2026 · Money in GBP · Source: Northwind Logistics, synced 22 Nov 2026, 05:38, last import 22 Nov 2026, 05:38';
    const lines = wrapLines(text, 300, 10);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join(' ')).toBe(text);
    for (const line of lines) expect(line).toBe(line.trim());
    expect(wrapLines(text, 5000, 10)).toEqual([text]);
    // A word longer than the width stays whole on its own line rather than being cut.
    expect(wrapLines('a supercalifragilistic b', 40, 10)).toEqual(['a', 'supercalifragilistic', 'b']);
  });

  it('leaves the plot room for every footnote line', () => {
    const frame = { title: 'T', footnote: 'word '.repeat(80).trim(), width: 400, height: 300 };
    expect(footnoteLines(frame)).toBeGreaterThan(2);
    const short = frameLayout({ ...frame, footnote: 'short' }, { legend: true });
    const long = frameLayout(frame, { legend: true });
    expect(long.plotBottom - short.plotBottom).toBe((footnoteLines(frame) - 1) * 14);
  });

  it('footnotes name the period, the currency and where the data came from', () => {
    const source = { workspaceName: 'Northwind', currency: 'GBP', lastSyncAt: '2026-11-22', lastImportAt: null };
    expect(dataFootnote(['2026-01', '2026-02', '2026-09'], source)).toBe('Data Jan 2026 – Sep 2026 · Money in GBP · Source: Northwind, synced 22 Nov 2026');
    expect(dataFootnote([], { ...source, lastSyncAt: null })).toBe('No data yet · Money in GBP · Source: Northwind, never synced');
    expect(scenarioFootnote({ name: 'Base', horizon: ['2026-10', '2027-09'], calibration: { records: 461, fromMonth: '2026-04', toMonth: '2026-09', pilot: null } }, source)).toBe(
      'Projection Oct 2026 – Sep 2027 · Scenario “Base”, calibrated on 461 records of Apr 2026 – Sep 2026 · Money in GBP · Source: Northwind, synced 22 Nov 2026',
    );
  });
});
