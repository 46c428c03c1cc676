import { afterEach, describe, expect, it } from 'vitest';
import { deckPdfFileName } from '../../electron/main/ipc/handlers/window-pdf';
import { callRaw, testWorkspace, type TestWorkspace } from '../support/sync-harness';

// export:window-pdf returns what the desktop app's printToPDF printed of its own window; the
// Electron call itself needs the binary, so here the context's printer is a recording stand-in
// and the test checks what the handler does around it: bytes, file name, paper, refusals.

const open: TestWorkspace[] = [];
afterEach(() => open.splice(0).forEach((t) => t.cleanup()));

function workspace(printWindow?: TestWorkspace['ctx']['printWindow']): TestWorkspace {
  const t = testWorkspace();
  open.push(t);
  if (printWindow) t.ctx.printWindow = printWindow;
  return t;
}

describe('export:window-pdf', () => {
  it('returns the printed window as base64 with a file name from the deck, on the paper asked for', async () => {
    const asked: string[] = [];
    const pdf = Buffer.from('%PDF-1.7\n% a printed window\n%%EOF\n', 'latin1');
    const t = workspace(async ({ paper }) => {
      asked.push(paper);
      return new Uint8Array(pdf);
    });
    const a4 = await callRaw(t, 'export:window-pdf', { title: 'Q3 review: Payments!' });
    expect(a4).toEqual({ ok: true, data: { fileName: 'q3-review-payments.pdf', bytes: pdf.length, base64: pdf.toString('base64') } });
    const letter = await callRaw(t, 'export:window-pdf', { title: 'Board', paper: 'letter' });
    expect(letter.ok && Buffer.from(letter.data.base64, 'base64').toString('latin1').startsWith('%PDF')).toBe(true);
    expect(asked).toEqual(['a4', 'letter']);
  });

  it('answers UNAVAILABLE where there is no window to print (browser host, CLI)', async () => {
    const res = await callRaw(workspace(), 'export:window-pdf', { title: 'Deck' });
    expect(res.ok).toBe(false);
    if (!res.ok) {
      expect(res.error.code).toBe('UNAVAILABLE');
      expect(res.error.message).toMatch(/print dialog/);
    }
  });

  it('passes on a printing failure as a clean error', async () => {
    const res = await callRaw(
      workspace(async () => {
        throw new Error('printing failed: out of memory');
      }),
      'export:window-pdf',
      { title: 'Deck' },
    );
    expect(res.ok).toBe(false);
  });

  it('names files with characters every file system accepts', () => {
    expect(deckPdfFileName('Café deck / 2026 ♥')).toBe('cafe-deck-2026.pdf');
    expect(deckPdfFileName('***')).toBe('deck.pdf');
    expect(deckPdfFileName('a'.repeat(200))).toBe(`${'a'.repeat(80)}.pdf`);
  });
});
