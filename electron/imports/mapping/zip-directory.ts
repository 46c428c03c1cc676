import { open } from 'node:fs/promises';
import { createReadStream } from 'node:fs';
import { pipeline, Readable } from 'node:stream';
import { createInflateRaw } from 'node:zlib';
import { AppError } from '../../../shared/ipc/result';

type ZipEntry = { name: string; method: number; compressedSize: number; localHeaderOffset: number };

export type ZipDirectory = {
  has(name: string): boolean;
  /** The entry's uncompressed bytes as a stream, read from its place in the file. */
  open(name: string): Promise<Readable>;
};

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX_COMMENT = 0xffff;

const damaged = (why: string): AppError => new AppError('INVALID_INPUT', `the workbook cannot be read (${why}): it may be damaged, cut off, or not an .xlsx file`);

/** ZIP64 moves sizes and offsets that do not fit 32 bits into an extra field (id 1), in this order. */
function zip64Values(extra: Buffer, wanted: { uncompressed: boolean; compressed: boolean; offset: boolean }): { compressed?: number; offset?: number } {
  for (let at = 0; at + 4 <= extra.length; ) {
    const id = extra.readUInt16LE(at);
    const size = extra.readUInt16LE(at + 2);
    if (id === 1) {
      let p = at + 4;
      const next = (): number => {
        const v = Number(extra.readBigUInt64LE(p));
        p += 8;
        return v;
      };
      if (wanted.uncompressed) next();
      return { ...(wanted.compressed ? { compressed: next() } : {}), ...(wanted.offset ? { offset: next() } : {}) };
    }
    at += 4 + size;
  }
  return {};
}

/**
 * Reads a zip's central directory (at the end of the file) so its entries can be opened in any
 * order. A workbook's parts must be read in a fixed order (relationships, workbook, shared strings,
 * styles, then the sheet), whatever order the writer stored them in; exceljs's own single pass over
 * the zip can lose the last entries (exceljs#3064, unzipper#234), so it is not used.
 */
export async function readZipDirectory(path: string): Promise<ZipDirectory> {
  const file = await open(path, 'r').catch((e: Error) => {
    throw damaged(e.message);
  });
  const entries = new Map<string, ZipEntry>();
  try {
    const { size } = await file.stat();
    const tailLength = Math.min(size, 22 + MAX_COMMENT + 20);
    const tail = Buffer.alloc(tailLength);
    await file.read(tail, 0, tailLength, size - tailLength);
    let eocd = -1;
    for (let i = tailLength - 22; i >= 0; i -= 1) {
      if (tail.readUInt32LE(i) === EOCD) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) throw damaged('no zip directory at the end of the file');
    let count = tail.readUInt16LE(eocd + 10);
    let directorySize = tail.readUInt32LE(eocd + 12);
    let directoryOffset = tail.readUInt32LE(eocd + 16);
    if ((count === 0xffff || directoryOffset === 0xffffffff) && eocd >= 20 && tail.readUInt32LE(eocd - 20) === ZIP64_LOCATOR) {
      const record = Buffer.alloc(56);
      await file.read(record, 0, 56, Number(tail.readBigUInt64LE(eocd - 12)));
      if (record.readUInt32LE(0) !== ZIP64_EOCD) throw damaged('bad ZIP64 directory');
      count = Number(record.readBigUInt64LE(32));
      directorySize = Number(record.readBigUInt64LE(40));
      directoryOffset = Number(record.readBigUInt64LE(48));
    }
    if (directoryOffset + directorySize > size) throw damaged('the zip directory points past the end of the file');
    const directory = Buffer.alloc(directorySize);
    await file.read(directory, 0, directorySize, directoryOffset);
    for (let i = 0, at = 0; i < count; i += 1) {
      if (at + 46 > directory.length || directory.readUInt32LE(at) !== CENTRAL) throw damaged('bad zip directory entry');
      const nameLength = directory.readUInt16LE(at + 28);
      const extraLength = directory.readUInt16LE(at + 30);
      const commentLength = directory.readUInt16LE(at + 32);
      const name = directory.toString('utf8', at + 46, at + 46 + nameLength);
      const extra = directory.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength);
      const compressed32 = directory.readUInt32LE(at + 20);
      const offset32 = directory.readUInt32LE(at + 42);
      const big = zip64Values(extra, { uncompressed: directory.readUInt32LE(at + 24) === 0xffffffff, compressed: compressed32 === 0xffffffff, offset: offset32 === 0xffffffff });
      entries.set(name, { name, method: directory.readUInt16LE(at + 10), compressedSize: big.compressed ?? compressed32, localHeaderOffset: big.offset ?? offset32 });
      at += 46 + nameLength + extraLength + commentLength;
    }
  } finally {
    await file.close();
  }

  return {
    has: (name) => entries.has(name),
    async open(name) {
      const entry = entries.get(name);
      if (!entry) throw damaged(`the part ${name} is missing`);
      const header = Buffer.alloc(30);
      const handle = await open(path, 'r');
      try {
        await handle.read(header, 0, 30, entry.localHeaderOffset);
      } finally {
        await handle.close();
      }
      if (header.readUInt32LE(0) !== LOCAL) throw damaged(`the part ${name} is not where the zip directory says`);
      const start = entry.localHeaderOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
      if (entry.compressedSize === 0) return Readable.from([]);
      const raw = createReadStream(path, { start, end: start + entry.compressedSize - 1, highWaterMark: 256 * 1024 });
      if (entry.method === 0) return raw;
      if (entry.method !== 8) throw damaged(`the part ${name} uses compression method ${entry.method}`);
      // pipeline passes a read error on to the inflater, which its reader then sees.
      return pipeline(raw, createInflateRaw(), () => undefined);
    },
  };
}
