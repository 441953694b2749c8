/** Dependency-free ZIP writer and reader (deflate via node:zlib), enough for app packages and deploy artifacts. */
import { crc32, deflateRawSync, inflateRawSync } from "node:zlib";

export interface ZipEntry {
  /** Path inside the archive, forward slashes, no leading slash. */
  name: string;
  data: Uint8Array;
}

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const VERSION = 20;
/** "Made by" Unix, so extractors keep the regular-file mode below. */
const MADE_BY_UNIX = (3 << 8) | VERSION;
const UTF8_NAMES = 0x0800;
const STORED = 0;
const DEFLATED = 8;
const REGULAR_FILE_MODE = 0o100644;
/** A fixed timestamp (2025-01-01 00:00) keeps artifacts byte-identical across builds. */
const DOS_TIME = 0;
const DOS_DATE = ((2025 - 1980) << 9) | (1 << 5) | 1;
const MAX_ENTRIES = 0xffff;
const MAX_OFFSET = 0xffffffff;

function checkEntryName(name: string): void {
  if (!name || name.startsWith("/") || name.includes("\\") || name.split("/").includes("..")) {
    throw new Error(`zip entry name must be a relative path with forward slashes; got '${name}'`);
  }
}

function makeLocalHeader(name: Buffer, method: number, crc: number, compressed: number, size: number): Buffer {
  const header = Buffer.alloc(30);
  header.writeUInt32LE(LOCAL_HEADER, 0);
  header.writeUInt16LE(VERSION, 4);
  header.writeUInt16LE(UTF8_NAMES, 6);
  header.writeUInt16LE(method, 8);
  header.writeUInt16LE(DOS_TIME, 10);
  header.writeUInt16LE(DOS_DATE, 12);
  header.writeUInt32LE(crc, 14);
  header.writeUInt32LE(compressed, 18);
  header.writeUInt32LE(size, 22);
  header.writeUInt16LE(name.length, 26);
  return Buffer.concat([header, name]);
}

function makeCentralHeader(local: Buffer, offset: number): Buffer {
  const nameLength = local.readUInt16LE(26);
  const header = Buffer.alloc(46);
  header.writeUInt32LE(CENTRAL_HEADER, 0);
  header.writeUInt16LE(MADE_BY_UNIX, 4);
  local.copy(header, 6, 4, 26);
  header.writeUInt16LE(nameLength, 28);
  header.writeUInt32LE(REGULAR_FILE_MODE << 16 >>> 0, 38);
  header.writeUInt32LE(offset, 42);
  return Buffer.concat([header, local.subarray(30, 30 + nameLength)]);
}

export function createZip(entries: readonly ZipEntry[]): Buffer {
  if (entries.length > MAX_ENTRIES) throw new Error(`zip holds at most ${MAX_ENTRIES} entries; got ${entries.length}`);
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  const seen = new Set<string>();
  let offset = 0;
  for (const entry of entries) {
    checkEntryName(entry.name);
    if (seen.has(entry.name)) throw new Error(`zip entry '${entry.name}' appears twice`);
    seen.add(entry.name);
    const deflated = deflateRawSync(entry.data, { level: 9 });
    const isDeflated = deflated.length < entry.data.length;
    const body = isDeflated ? deflated : Buffer.from(entry.data);
    const local = makeLocalHeader(Buffer.from(entry.name, "utf8"), isDeflated ? DEFLATED : STORED, crc32(entry.data), body.length, entry.data.length);
    central.push(makeCentralHeader(local, offset));
    parts.push(local, body);
    offset += local.length + body.length;
    if (offset > MAX_OFFSET) throw new Error("zip is larger than 4 GiB, which needs ZIP64");
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(END_OF_CENTRAL_DIRECTORY, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, directory, end]);
}

function findEndOfCentralDirectory(zip: Buffer): number {
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (zip.readUInt32LE(i) === END_OF_CENTRAL_DIRECTORY) return i;
  }
  throw new Error("not a zip file (end of central directory not found)");
}

function readEntryData(zip: Buffer, central: number): ZipEntry {
  const method = zip.readUInt16LE(central + 10);
  const crc = zip.readUInt32LE(central + 16);
  const compressed = zip.readUInt32LE(central + 20);
  const nameLength = zip.readUInt16LE(central + 28);
  const local = zip.readUInt32LE(central + 42);
  const name = zip.toString("utf8", central + 46, central + 46 + nameLength);
  if (zip.readUInt32LE(local) !== LOCAL_HEADER) throw new Error(`zip entry '${name}' has no local header`);
  const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
  const body = zip.subarray(start, start + compressed);
  if (method !== STORED && method !== DEFLATED) throw new Error(`zip entry '${name}' uses unsupported method ${method}`);
  const data = method === DEFLATED ? inflateRawSync(body) : Buffer.from(body);
  if (crc32(data) !== crc) throw new Error(`zip entry '${name}' fails its CRC check`);
  return { name, data };
}

/** Reads every entry back, checking CRCs; used to verify what was written. */
export function readZip(zip: Buffer): ZipEntry[] {
  const end = findEndOfCentralDirectory(zip);
  const count = zip.readUInt16LE(end + 10);
  let central = zip.readUInt32LE(end + 16);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(central) !== CENTRAL_HEADER) throw new Error("zip central directory is damaged");
    entries.push(readEntryData(zip, central));
    central += 46 + zip.readUInt16LE(central + 28) + zip.readUInt16LE(central + 30) + zip.readUInt16LE(central + 32);
  }
  return entries;
}
