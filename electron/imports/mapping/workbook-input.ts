import { createReadStream } from 'node:fs';
import { PassThrough, pipeline } from 'node:stream';
import { AppError } from '../../../shared/ipc/result';

const CHUNK = 256 * 1024;

/**
 * A workbook file as exceljs reads it, able to fail a pending read as soon as reading cannot go on.
 * exceljs pipes its input into unzipper but, while it spools a sheet to a temp file, never hears
 * unzipper's errors (nor the file's): a truncated workbook would leave an import waiting forever.
 * Errors of the file, of the stream this is piped into, and a cancellation all fail `guard`ed reads.
 */
export class WorkbookInput extends PassThrough {
  private failure: { error: unknown } | null = null;
  private readonly waiting = new Set<(error: unknown) => void>();

  constructor(path: string, signal?: AbortSignal) {
    super({ highWaterMark: CHUNK });
    pipeline(createReadStream(path, { highWaterMark: CHUNK }), this, (err) => {
      if (err) this.fail(err);
    });
    const cancel = () => this.fail(new AppError('CANCELLED', 'Cancelled.'));
    if (signal?.aborted) cancel();
    signal?.addEventListener('abort', cancel, { once: true });
  }

  override pipe<T extends NodeJS.WritableStream>(destination: T, options?: { end?: boolean }): T {
    destination.on('error', (e: unknown) => this.fail(e));
    return super.pipe(destination, options);
  }

  private fail(error: unknown): void {
    if (this.failure) return;
    this.failure = { error };
    for (const reject of this.waiting) reject(error);
    this.waiting.clear();
  }

  /**
   * Settles as `read` does, or rejects the moment reading fails. (One waiter per pending read, not a
   * race against a long-lived promise: each race would leave a reaction on it, a leak per row.)
   */
  guard<T>(read: Promise<T>): Promise<T> {
    if (this.failure) {
      read.catch(() => undefined);
      return Promise.reject(this.failure.error);
    }
    return new Promise<T>((resolve, reject) => {
      this.waiting.add(reject);
      read.then(
        (value) => {
          this.waiting.delete(reject);
          resolve(value);
        },
        (error: unknown) => {
          this.waiting.delete(reject);
          reject(error);
        },
      );
    });
  }
}

/** Iterates `source` with every read guarded by `input`. */
export async function* until<T>(source: AsyncIterable<T>, input: WorkbookInput): AsyncGenerator<T> {
  const it = source[Symbol.asyncIterator]();
  try {
    for (;;) {
      const result = await input.guard(it.next());
      if (result.done) return;
      yield result.value;
    }
  } finally {
    // Lets exceljs's generators finish; never awaited, since after a failure they may never settle.
    void it.return?.().catch(() => undefined);
  }
}

/**
 * exceljs 4.4 reads a sheet at once when the shared strings and the workbook's relationships came
 * before it in the zip, and names it from workbook.xml; when that part comes later (as exceljs itself
 * writes it, and other writers may), it throws "reading 'sheets'" of an undefined model. Until
 * workbook.xml is read this hides the relationships, so exceljs spools such a sheet to a temp file
 * and reads it, named, at the end (its documented fallback for sheets that come too early).
 */
export function holdSheetsUntilNamed(reader: object): void {
  let relationships: unknown;
  Object.defineProperty(reader, 'workbookRels', {
    configurable: true,
    get: () => ((reader as { model?: unknown }).model === undefined ? undefined : relationships),
    set: (value: unknown) => {
      relationships = value;
    },
  });
}
