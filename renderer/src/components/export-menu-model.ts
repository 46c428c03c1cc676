/**
 * What the Export menu of the Pilots and Overview pages offers. This module is the menu without
 * React (ExportMenu.tsx renders it): the options, the states an export goes through (idle → busy →
 * done | error), the line shown for each, and the file type of what main sends back.
 */
export type ExportKind = 'worksheet' | 'report-a4' | 'report-letter';

export type ExportOption = { kind: ExportKind; label: string; testId: string; hint: string };

export const EXPORT_OPTIONS: readonly ExportOption[] = [
  { kind: 'worksheet', label: 'Cost worksheet (XLSX)', testId: 'export-worksheet', hint: 'Cost lines, assumptions and the scenario as live formulas, for finance' },
  { kind: 'report-a4', label: 'Report (PDF, A4)', testId: 'export-report-a4', hint: 'Headline figures, charts, decisions and sources on A4 pages' },
  { kind: 'report-letter', label: 'Report (PDF, Letter)', testId: 'export-report-letter', hint: 'Headline figures, charts, decisions and sources on Letter pages' },
];

/** The paper of a report export; null for the worksheet. */
export const reportPaper = (kind: ExportKind): 'a4' | 'letter' | null => (kind === 'report-a4' ? 'a4' : kind === 'report-letter' ? 'letter' : null);

/** What main answers to an export without a path (ExportedFile): the bytes and the name to save them under. */
export type ExportedBytes = { fileName: string; base64?: string | undefined };

export type ExportState =
  | { status: 'idle' }
  /** `jobId` is the first export job whose progress arrived, so another window's export cannot take over the line. */
  | { status: 'busy'; kind: ExportKind; step: string | null; jobId: string | null }
  | { status: 'done'; kind: ExportKind; fileName: string }
  | { status: 'error'; kind: ExportKind; message: string };

export type ExportEvent =
  | { type: 'start'; kind: ExportKind }
  | { type: 'progress'; jobId: string; step: string }
  | { type: 'saved'; fileName: string }
  | { type: 'failed'; message: string }
  | { type: 'dismiss' };

export const IDLE: ExportState = { status: 'idle' };

/** One export at a time: a start while busy is ignored (the button is disabled then anyway). */
export function exportReducer(state: ExportState, event: ExportEvent): ExportState {
  switch (event.type) {
    case 'start':
      return state.status === 'busy' ? state : { status: 'busy', kind: event.kind, step: null, jobId: null };
    case 'progress':
      if (state.status !== 'busy' || (state.jobId !== null && state.jobId !== event.jobId)) return state;
      return { ...state, step: event.step, jobId: event.jobId };
    case 'saved':
      return state.status === 'busy' ? { status: 'done', kind: state.kind, fileName: event.fileName } : state;
    case 'failed':
      return state.status === 'busy' ? { status: 'error', kind: state.kind, message: event.message } : state;
    case 'dismiss':
      return state.status === 'busy' ? state : IDLE;
  }
}

const WHAT: Record<ExportKind, string> = { worksheet: 'the cost worksheet', 'report-a4': 'the report', 'report-letter': 'the report' };

export type ExportLine = { tone: 'busy' | 'info' | 'error'; text: string } | null;

/** The sentence under the page header: what is being exported and its current step, what was saved, or why it failed. */
export function exportLine(state: ExportState): ExportLine {
  switch (state.status) {
    case 'idle':
      return null;
    case 'busy':
      return { tone: 'busy', text: `Exporting ${WHAT[state.kind]}…${state.step === null ? '' : ` ${state.step}`}` };
    case 'done':
      return { tone: 'info', text: `Saved ${state.fileName}` };
    case 'error':
      return { tone: 'error', text: `Could not export ${WHAT[state.kind]}: ${state.message}` };
  }
}

const MIME: Record<string, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
  png: 'image/png',
  svg: 'image/svg+xml',
  csv: 'text/csv;charset=utf-8',
};

/** The file type to save bytes as, from the name main suggested. */
export function mimeOf(fileName: string): string {
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? '';
  return MIME[ext] ?? 'application/octet-stream';
}

/** The bytes of an answer; an answer without them (main wrote to a path instead) is a contract slip worth saying so. */
export function bytesOf(answer: ExportedBytes): string {
  if (answer.base64 === undefined) throw new Error(`The export came back without the file (${answer.fileName}).`);
  return answer.base64;
}
