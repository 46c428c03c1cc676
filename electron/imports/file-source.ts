import { createHash } from 'node:crypto';
import { closeSync, createReadStream, openSync, readSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError } from '../../shared/ipc/result';

/** A file to import: a path on disk (the app, the CLI, the browser host's uploads) or bytes in memory (the demo). */
export type ImportInput = { path: string; name?: string } | { name: string; content: string | Buffer };

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252' | 'iso-8859-1';
export type FileKind = 'text' | 'xlsx';

export type OpenedFile = {
  name: string;
  size: number;
  kind: FileKind;
  encoding: Encoding;
  /** The start of the file decoded as text (for format detection and previews). */
  head: string;
  path: string | null;
  /** Raw bytes; `onBytes` sees every chunk (for hashing and progress). */
  bytes(onBytes?: (chunk: Buffer) => void): Readable;
  /** The whole file as UTF-8 text, decoded from its own encoding, BOM removed. */
  text(onBytes?: (chunk: Buffer) => void): Readable;
  /** Releases every stream opened on the file (failing any reader still waiting, when given a reason). */
  close(reason?: Error): void;
};

const HEAD_BYTES = 64 * 1024;

/**
 * Detects the encoding: a BOM decides; otherwise UTF-8 if the head is valid UTF-8, else Windows-1252
 * (what spreadsheet programs on Windows write as "CSV"). UTF-16 without a BOM is recognised by its
 * zero bytes in every other position.
 */
export function detectEncoding(head: Buffer): Encoding {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8';
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  if (head.length >= 4 && head[1] === 0 && head[3] === 0 && head[0] !== 0 && head[2] !== 0) return 'utf-16le';
  if (head.length >= 4 && head[0] === 0 && head[2] === 0 && head[1] !== 0 && head[3] !== 0) return 'utf-16be';
  try {
    // A multi-byte character may be cut at the end of the head: allow a few bytes of slack.
    new TextDecoder('utf-8', { fatal: true }).decode(head.subarray(0, Math.max(0, head.length - 4)));
    return 'utf-8';
  } catch {
    return 'windows-1252';
  }
}

/** Text files have no NUL bytes (UTF-16 aside); images, archives and executables do. */
const looksBinary = (head: Buffer, encoding: Encoding): boolean => !encoding.startsWith('utf-16') && head.subarray(0, 8192).includes(0);

const isZip = (head: Buffer): boolean => head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;

/** Decodes a byte stream from `encoding` into UTF-8 text, dropping a leading BOM. */
export function decodingStream(encoding: Encoding): Transform {
  const decoder = new TextDecoder(encoding, { fatal: false, ignoreBOM: false });
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      done(null, decoder.decode(chunk, { stream: true }));
    },
    flush(done) {
      done(null, decoder.decode());
    },
  });
}

export function openImportFile(input: ImportInput, opts: { encoding?: Encoding | 'auto' } = {}): OpenedFile {
  let size: number;
  let headBytes: Buffer;
  let path: string | null = null;
  let content: Buffer | null = null;
  if ('path' in input) {
    path = input.path;
    let stat;
    try {
      stat = statSync(path);
    } catch {
      throw new AppError('NOT_FOUND', `${input.path} does not exist or cannot be read.`);
    }
    if (!stat.isFile()) throw new AppError('INVALID_INPUT', `${input.path} is not a file.`);
    size = stat.size;
    const fd = openSync(path, 'r');
    try {
      headBytes = Buffer.alloc(Math.min(HEAD_BYTES, size));
      readSync(fd, headBytes, 0, headBytes.length, 0);
    } finally {
      closeSync(fd);
    }
  } else {
    content = typeof input.content === 'string' ? Buffer.from(input.content, 'utf8') : input.content;
    size = content.length;
    headBytes = content.subarray(0, HEAD_BYTES);
  }
  const name = input.name ?? basename(path ?? 'file');
  if (size === 0) throw new AppError('INVALID_INPUT', `${name} is empty.`);
  const kind: FileKind = isZip(headBytes) ? 'xlsx' : 'text';
  const encoding = opts.encoding && opts.encoding !== 'auto' ? opts.encoding : detectEncoding(headBytes);
  if (kind === 'text' && looksBinary(headBytes, encoding)) {
    throw new AppError('INVALID_INPUT', `${name} is a binary file, not a CSV or JSON export (it may have been renamed). Nothing was imported.`);
  }
  const head = kind === 'xlsx' ? '' : new TextDecoder(encoding).decode(headBytes).replace(/^\uFEFF/, '');
  const opened: Readable[] = [];
  const bytes = (onBytes?: (chunk: Buffer) => void): Readable => {
    const source = path ? createReadStream(path, { highWaterMark: 256 * 1024 }) : Readable.from([content as Buffer]);
    if (!onBytes) return source;
    return source.pipe(
      new Transform({
        transform(chunk: Buffer, _enc, done) {
          onBytes(chunk);
          done(null, chunk);
        },
      }),
    );
  };
  return {
    name,
    size,
    kind,
    encoding,
    head,
    path,
    bytes,
    text(onBytes) {
      const source = bytes(onBytes);
      const decoded = decodingStream(encoding);
      // pipeline() tears both down together; its own rejection (a reader that stopped early) is expected.
      pipeline(source, decoded).catch(() => undefined);
      opened.push(decoded);
      return decoded;
    },
    close(reason?: Error) {
      // Readers that stop early (a preview, a cancel) leave their stream open; this releases the file.
      // With a reason, a reader still waiting for data fails with it instead of waiting forever.
      for (const s of opened.splice(0)) s.destroy(reason);
    },
  };
}

/** The sha256 of a file's bytes, streamed. */
export async function sha256Of(file: OpenedFile): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of file.bytes()) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
