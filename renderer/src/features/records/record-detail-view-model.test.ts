import { describe, expect, it } from 'vitest';
import { costTable, formatQuantity, recordFacts, recordHeader, stepSource, timelineSteps } from './record-detail-view-model';
import { sampleDetail, sampleRecordRow, sampleStep } from './records-fixture';

describe('recordHeader', () => {
  it('takes the MR link from the row and the Jira link from the timeline', () => {
    const detail = sampleDetail();
    const header = recordHeader(detail.record, detail.timeline);
    expect(header).toMatchObject({
      ticket: 'PAY-12',
      title: 'Retry ledger writes on timeout',
      outcome: { label: 'Accepted', tone: 'good' },
      mrUrl: 'https://gitlab.example/northwind/ledger-service/-/merge_requests/44',
      ticketUrl: 'https://northwind.atlassian.example/browse/PAY-12',
    });
    expect(recordHeader(detail.record, null).ticketUrl).toBeNull();
  });

  it('never links to anything but a web address', () => {
    expect(recordHeader(sampleRecordRow({ mrUrl: 'javascript:alert(1)' }), null).mrUrl).toBeNull();
  });

  it('says why there is no title', () => {
    expect(recordHeader(sampleRecordRow({ title: null, ticketKey: null, recordKey: 'run:r_9' }), null)).toMatchObject({ ticket: 'run:r_9', title: 'Runs that named no ticket' });
  });
});

describe('recordFacts', () => {
  it('lists the descriptive fields and leaves out empty ones', () => {
    const facts = Object.fromEntries(recordFacts(sampleRecordRow({ person: null, size: null })).map((f) => [f.label, f.value]));
    expect(facts['Work type']).toBe('Bug');
    expect(facts['Vendor workspace']).toBe('northwind-cloud (Cloud plan)');
    expect(facts['Runs']).toBe('3 (1 repair)');
    expect(facts['Counts in']).toBe('July 2026');
    expect(facts['Active']).toBe('2 Jul 2026 – 6 Jul 2026');
    expect('Person' in facts).toBe(false);
  });
});

describe('costTable', () => {
  it('groups lines by kind with subtotals in the workspace currency that add up to the total', () => {
    const detail = sampleDetail();
    const table = costTable(detail.record, detail.costLines, 'GBP');
    expect(table.groups.map((g) => g.kind)).toEqual(['run_credits', 'ai_credits', 'provider', 'ci', 'human']);
    expect(table.groups.reduce((sum, g) => sum + g.subtotalMicros, 0)).toBe(table.totalMicros);
    expect(table.total).toBe('£222.67');
    for (const group of table.groups.filter((g) => g.lines.every((l) => l.inRecordCurrency))) {
      expect(group.lines.reduce((sum, l) => sum + l.amountMicros, 0)).toBe(group.subtotalMicros);
    }
  });

  it('keeps a line in its own currency and says the subtotal holds it converted', () => {
    const detail = sampleDetail();
    const provider = costTable(detail.record, detail.costLines, 'GBP').groups.find((g) => g.kind === 'provider');
    expect(provider?.lines[0]).toMatchObject({ amount: 'US$1.00', inRecordCurrency: false, quantity: '120,000 tokens', converted: '£0.79' });
    expect(provider?.subtotal).toBe('£0.79');
    expect(costTable(detail.record, detail.costLines, 'GBP').groups.find((g) => g.kind === 'ci')?.lines[0]?.converted).toBeNull();
    expect(provider?.conversionNote).toBe("USD converted into GBP at the exchange rate of each line's date.");
  });

  it('marks estimated lines and leaves out kinds with neither lines nor cost', () => {
    const detail = sampleDetail({ costLines: sampleDetail().costLines.filter((l) => l.kind === 'human') });
    const row = sampleRecordRow({ costRunCreditsMicros: 0, costAiCreditsMicros: 0, costProviderMicros: 0, costCiMicros: 0, costTotalMicros: 212_500_000 });
    const table = costTable(row, detail.costLines, 'GBP');
    expect(table.groups.map((g) => g.kind)).toEqual(['human']);
    expect(table.groups[0]?.lines.map((l) => l.basis)).toEqual(['estimated', 'measured']);
  });

  it('names the currencies left out for want of a rate, on the line too', () => {
    const detail = sampleDetail({ costLines: sampleDetail().costLines.map((l) => (l.currency === 'USD' ? { ...l, convertedMicros: null } : l)) });
    expect(costTable(detail.record, detail.costLines, 'GBP').groups.find((g) => g.kind === 'provider')?.lines[0]?.converted).toBe('no USD rate');
    const table = costTable(sampleRecordRow({ missingRates: 'USD' }), detail.costLines, 'GBP');
    expect(table.missingRatesNote).toBe('Costs in USD are left out of the total until an exchange rate into GBP is entered in Settings.');
  });
});

describe('formatQuantity', () => {
  it('reads one unit in the singular and keeps two decimals for fractions', () => {
    expect(formatQuantity(1, 'hours')).toBe('1 hour');
    expect(formatQuantity(1.5, 'hours')).toBe('1.50 hours');
    expect(formatQuantity(3, 'run credits')).toBe('3 run credits');
    expect(formatQuantity(null, 'hours')).toBe('—');
    expect(formatQuantity(12, null)).toBe('12');
  });
});

describe('timelineSteps and stepSource', () => {
  it('keeps time order and gives each step its source', () => {
    const steps = timelineSteps(sampleDetail().timeline);
    expect(steps.map((s) => s.kind)).toEqual(['ticket_created', 'run_event', 'mr_opened']);
    expect(steps[0]?.source).toEqual({ kind: 'jira', label: 'PAY-12', href: 'https://northwind.atlassian.example/browse/PAY-12' });
    expect(steps[1]).toMatchObject({ tone: 'bad', kindLabel: 'Run', source: { kind: 'import', label: 'relay-events.csv line 1204', href: null } });
    expect(steps[2]?.source.href).toBe('https://gitlab.example/northwind/ledger-service/-/merge_requests/44');
  });

  it('sorts steps that arrive out of order, keeping equal times as sent', () => {
    const a = sampleStep({ at: '2026-07-03T10:00:00Z', title: 'later' });
    const b = sampleStep({ at: '2026-07-02T10:00:00Z', title: 'first' });
    const c = sampleStep({ at: '2026-07-02T10:00:00Z', title: 'second' });
    expect(timelineSteps([a, b, c]).map((s) => s.title)).toEqual(['first', 'second', 'later']);
  });

  it('shows an import line without a link, and never links a non-web address', () => {
    expect(stepSource({ kind: 'import', label: 'x', url: null, file: 'usage.csv', line: null })).toEqual({ kind: 'import', label: 'usage.csv', href: null });
    expect(stepSource({ kind: 'gitlab', label: 'g!1', url: 'file:///etc/passwd', file: null, line: null }).href).toBeNull();
  });
});
