import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';

/** One file of a test zip. */
export interface ZipEntrySpec {
  readonly name: string;
  readonly data: string | Buffer;
  /** 'store' (method 0) or 'deflate' (method 8, what ICICI's zip uses). */
  readonly method?: 'store' | 'deflate';
}

/** A minimal zip writer for tests: local headers, central directory, end record; no zip64. */
export function buildZip(entries: readonly ZipEntrySpec[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const data = typeof e.data === 'string' ? Buffer.from(e.data, 'utf8') : e.data;
    const deflate = (e.method ?? 'deflate') === 'deflate';
    const body = deflate ? deflateRawSync(data) : data;
    const name = Buffer.from(e.name, 'utf8');
    const crc = crc32(data) >>> 0;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(deflate ? 8 : 0, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(deflate ? 8 : 0, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const MASTER_DIR = join(__dirname, 'fixtures', 'master');

/** The recorded-shape master texts shipped as fixtures (trade day 2026-08-20). */
export function fixtureMasterTexts(): { readonly fonse: string; readonly nse: string } {
  return { fonse: readFileSync(join(MASTER_DIR, 'FONSEScripMaster.txt'), 'utf8'), nse: readFileSync(join(MASTER_DIR, 'NSEScripMaster.txt'), 'utf8') };
}

/** A SecurityMaster.zip of the given texts (default: the fixtures), laid out like ICICI's. */
export function buildSecurityMasterZip(texts: { readonly fonse: string; readonly nse: string } = fixtureMasterTexts(), method: 'store' | 'deflate' = 'deflate'): Buffer {
  return buildZip([
    { name: 'FONSEScripMaster.txt', data: texts.fonse, method },
    { name: 'NSEScripMaster.txt', data: texts.nse, method },
    { name: 'BSEScripMaster.txt', data: 'Token, "ShortName"\r\n', method },
  ]);
}
