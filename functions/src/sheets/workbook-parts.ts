/** A workbook's parts put in the order the streaming reader needs them. The streaming reader meets the
 * zip's parts one by one: a worksheet met before the shared strings or the workbook is copied to a
 * temporary file and read at the end (a file left behind when reading stops early), and the zip parser
 * announces its end as soon as it has seen the central directory, so the parts still waiting in its
 * queue at that moment are never read (Excel and exceljs both write small parts last; a workbook whose
 * workbook part came last could not be read at all). The upload is in memory already, so its parts are
 * laid out again, their compressed bytes copied as they are: the relationships, the workbook, the shared
 * strings (an empty list when the file has none) and the styles first, then the worksheets, then every
 * other part, and last a part of zeros larger than the parser can queue, so the parser reaches the end
 * only once the reader has taken every part before it. A file that is not a plain zip of this kind
 * (zip64, encrypted, damaged) is read as it came and the reader reports what is wrong with it. */
import { crc32 } from "node:zlib";

const LOCAL_SIGNATURE = 0x04034b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const END_SIGNATURE = 0x06054b50;
const LOCAL_HEADER = 30;
const CENTRAL_HEADER = 46;
const END_RECORD = 22;
const HAS_DESCRIPTOR = 0x0008;
const IS_ENCRYPTED = 0x0001;
const IS_UTF8 = 0x0800;
/** Larger than what the parser, the entry and their pipes hold at once with Node's stream buffers. */
const TRAILER_BYTES = 1024 * 1024;
const TRAILER_NAME = "customXml/cascade-order.bin";
const EMPTY_SHARED_STRINGS = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0"/>';

interface Part {
  name: string;
  flags: number;
  method: number;
  time: number;
  date: number;
  crc: number;
  compressedSize: number;
  size: number;
  data: Uint8Array;
}

function rank(name: string): number {
  if (name === "xl/_rels/workbook.xml.rels") return 0;
  if (name === "xl/workbook.xml") return 1;
  if (name === "xl/sharedStrings.xml") return 2;
  if (name === "xl/styles.xml") return 3;
  if (/^xl\/worksheets\/sheet\d+\.xml$/.test(name)) return 4;
  return 5;
}

/** The zip's parts from its central directory, or null when the file is not a zip read this way. */
function readParts(bytes: Uint8Array): Part[] | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = -1;
  for (let at = bytes.byteLength - END_RECORD; at >= Math.max(0, bytes.byteLength - END_RECORD - 0xffff); at--) {
    if (view.getUint32(at, true) === END_SIGNATURE) {
      end = at;
      break;
    }
  }
  if (end < 0) return null;
  const count = view.getUint16(end + 10, true);
  const directorySize = view.getUint32(end + 12, true);
  let at = view.getUint32(end + 16, true);
  if (count === 0xffff || directorySize === 0xffffffff || at === 0xffffffff || at + directorySize > end) return null;
  const decoder = new TextDecoder();
  const parts: Part[] = [];
  for (let i = 0; i < count; i++) {
    if (at + CENTRAL_HEADER > end || view.getUint32(at, true) !== CENTRAL_SIGNATURE) return null;
    const flags = view.getUint16(at + 8, true);
    const compressedSize = view.getUint32(at + 20, true);
    const size = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const local = view.getUint32(at + 42, true);
    if (flags & IS_ENCRYPTED || compressedSize === 0xffffffff || size === 0xffffffff || local === 0xffffffff) return null;
    if (local + LOCAL_HEADER > bytes.byteLength || view.getUint32(local, true) !== LOCAL_SIGNATURE) return null;
    const dataStart = local + LOCAL_HEADER + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    if (dataStart + compressedSize > bytes.byteLength) return null;
    parts.push({
      name: decoder.decode(bytes.subarray(at + CENTRAL_HEADER, at + CENTRAL_HEADER + nameLength)),
      flags: (flags & ~HAS_DESCRIPTOR) | IS_UTF8,
      method: view.getUint16(at + 10, true),
      time: view.getUint16(at + 12, true),
      date: view.getUint16(at + 14, true),
      crc: view.getUint32(at + 16, true),
      compressedSize,
      size,
      data: bytes.subarray(dataStart, dataStart + compressedSize),
    });
    at += CENTRAL_HEADER + nameLength + extraLength + commentLength;
  }
  return parts;
}

function storedPart(name: string, content: Uint8Array): Part {
  return { name, flags: IS_UTF8, method: 0, time: 0, date: 0x21, crc: crc32(content), compressedSize: content.byteLength, size: content.byteLength, data: content };
}

function writeZip(parts: Part[]): Uint8Array {
  const encoder = new TextEncoder();
  const names = parts.map((part) => encoder.encode(part.name));
  const localSize = parts.reduce((sum, part, i) => sum + LOCAL_HEADER + names[i]!.byteLength + part.data.byteLength, 0);
  const directorySize = parts.reduce((sum, _part, i) => sum + CENTRAL_HEADER + names[i]!.byteLength, 0);
  const out = new Uint8Array(localSize + directorySize + END_RECORD);
  const view = new DataView(out.buffer);
  const offsets: number[] = [];
  let at = 0;
  parts.forEach((part, i) => {
    offsets.push(at);
    view.setUint32(at, LOCAL_SIGNATURE, true);
    view.setUint16(at + 4, 20, true);
    view.setUint16(at + 6, part.flags, true);
    view.setUint16(at + 8, part.method, true);
    view.setUint16(at + 10, part.time, true);
    view.setUint16(at + 12, part.date, true);
    view.setUint32(at + 14, part.crc, true);
    view.setUint32(at + 18, part.compressedSize, true);
    view.setUint32(at + 22, part.size, true);
    view.setUint16(at + 26, names[i]!.byteLength, true);
    view.setUint16(at + 28, 0, true);
    out.set(names[i]!, at + LOCAL_HEADER);
    out.set(part.data, at + LOCAL_HEADER + names[i]!.byteLength);
    at += LOCAL_HEADER + names[i]!.byteLength + part.data.byteLength;
  });
  const directory = at;
  parts.forEach((part, i) => {
    view.setUint32(at, CENTRAL_SIGNATURE, true);
    view.setUint16(at + 4, 20, true);
    view.setUint16(at + 6, 20, true);
    view.setUint16(at + 8, part.flags, true);
    view.setUint16(at + 10, part.method, true);
    view.setUint16(at + 12, part.time, true);
    view.setUint16(at + 14, part.date, true);
    view.setUint32(at + 16, part.crc, true);
    view.setUint32(at + 20, part.compressedSize, true);
    view.setUint32(at + 24, part.size, true);
    view.setUint16(at + 28, names[i]!.byteLength, true);
    view.setUint32(at + 42, offsets[i]!, true);
    out.set(names[i]!, at + CENTRAL_HEADER);
    at += CENTRAL_HEADER + names[i]!.byteLength;
  });
  view.setUint32(at, END_SIGNATURE, true);
  view.setUint16(at + 8, parts.length, true);
  view.setUint16(at + 10, parts.length, true);
  view.setUint32(at + 12, directorySize, true);
  view.setUint32(at + 16, directory, true);
  return out;
}

const trailer = storedPart(TRAILER_NAME, new Uint8Array(TRAILER_BYTES));
const emptySharedStrings = storedPart("xl/sharedStrings.xml", new TextEncoder().encode(EMPTY_SHARED_STRINGS));

/** The workbook with its parts in reading order, or the bytes as they came when they are not a plain zip. */
export function orderWorkbookParts(bytes: Uint8Array): Uint8Array {
  const parts = readParts(bytes);
  if (!parts || parts.length + 2 > 0xffff) return bytes;
  if (!parts.some((part) => part.name === emptySharedStrings.name)) parts.push(emptySharedStrings);
  // The sort is stable: parts of one rank keep the order they came in.
  return writeZip([...parts.sort((a, b) => rank(a.name) - rank(b.name)), trailer]);
}
