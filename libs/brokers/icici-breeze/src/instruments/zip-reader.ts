import { crc32, inflateRawSync } from 'node:zlib';

/** A zip archive that cannot be read (truncated, encrypted, zip64, bad checksum…). */
export class ZipFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ZipFormatError';
  }
}

const EOCD_SIG = 0x06054b50;
const CENTRAL_SIG = 0x02014b50;
const LOCAL_SIG = 0x04034b50;
const MAX_ENTRY_BYTES = 256 * 1024 * 1024;

/**
 * The files of a zip archive (stored or deflated entries; no zip64, no encryption), read
 * through the central directory and checked against each entry's CRC-32. Enough for ICICI's
 * SecurityMaster.zip without a dependency. `wanted` limits which names are inflated.
 */
export function readZipEntries(zip: Buffer, wanted?: (name: string) => boolean): Map<string, Buffer> {
  const eocd = findEndOfCentralDirectory(zip);
  const entries = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  const out = new Map<string, Buffer>();
  for (let i = 0; i < entries; i += 1) {
    need(zip, at, 46);
    if (zip.readUInt32LE(at) !== CENTRAL_SIG) throw new ZipFormatError(`central directory entry ${i} has a bad signature`);
    const flags = zip.readUInt16LE(at + 8);
    const method = zip.readUInt16LE(at + 10);
    const crc = zip.readUInt32LE(at + 16);
    const compressed = zip.readUInt32LE(at + 20);
    const size = zip.readUInt32LE(at + 24);
    const nameLen = zip.readUInt16LE(at + 28);
    const extraLen = zip.readUInt16LE(at + 30);
    const commentLen = zip.readUInt16LE(at + 32);
    const localAt = zip.readUInt32LE(at + 42);
    need(zip, at + 46, nameLen);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLen);
    at += 46 + nameLen + extraLen + commentLen;
    if (name.endsWith('/') || (wanted && !wanted(name))) continue;
    if (flags & 0x1) throw new ZipFormatError(`${name} is encrypted`);
    if (compressed === 0xffffffff || size === 0xffffffff) throw new ZipFormatError(`${name} needs zip64`);
    if (size > MAX_ENTRY_BYTES) throw new ZipFormatError(`${name} is larger than ${MAX_ENTRY_BYTES} bytes`);
    out.set(name, entryData({ zip, name, localAt, method, compressed, size, crc }));
  }
  return out;
}

function entryData(e: { zip: Buffer; name: string; localAt: number; method: number; compressed: number; size: number; crc: number }): Buffer {
  const { zip, name, localAt } = e;
  need(zip, localAt, 30);
  if (zip.readUInt32LE(localAt) !== LOCAL_SIG) throw new ZipFormatError(`${name}: bad local header`);
  const start = localAt + 30 + zip.readUInt16LE(localAt + 26) + zip.readUInt16LE(localAt + 28);
  need(zip, start, e.compressed);
  const raw = zip.subarray(start, start + e.compressed);
  let data: Buffer;
  if (e.method === 0) data = Buffer.from(raw);
  else if (e.method === 8) {
    try {
      data = inflateRawSync(raw, { maxOutputLength: MAX_ENTRY_BYTES });
    } catch (err) {
      throw new ZipFormatError(`${name}: cannot inflate (${(err as Error).message})`);
    }
  } else throw new ZipFormatError(`${name}: compression method ${e.method} is not supported`);
  if (data.length !== e.size) throw new ZipFormatError(`${name}: ${data.length} bytes, directory says ${e.size}`);
  if (crc32(data) >>> 0 !== e.crc >>> 0) throw new ZipFormatError(`${name}: CRC-32 mismatch`);
  return data;
}

function findEndOfCentralDirectory(zip: Buffer): number {
  const lowest = Math.max(0, zip.length - 22 - 0xffff);
  for (let at = zip.length - 22; at >= lowest; at -= 1) {
    if (zip.readUInt32LE(at) === EOCD_SIG) return at;
  }
  throw new ZipFormatError('not a zip archive (no end of central directory)');
}

function need(zip: Buffer, at: number, length: number): void {
  if (at < 0 || at + length > zip.length) throw new ZipFormatError('archive is truncated');
}
