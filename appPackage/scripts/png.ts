/** Minimal PNG support for the app icons: 8-bit RGBA encode, header read, and RGBA decode. */
import { crc32, deflateSync, inflateSync } from "node:zlib";

export interface Raster {
  width: number;
  height: number;
  /** Straight (not premultiplied) RGBA, row-major, 4 bytes per pixel. */
  data: Uint8Array;
}

export interface PngHeader {
  width: number;
  height: number;
  bitDepth: number;
  colorType: number;
  interlace: number;
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const COLOR_TYPE_RGBA = 6;
const BYTES_PER_PIXEL = 4;

export function createRaster(width: number, height: number): Raster {
  return { width, height, data: new Uint8Array(width * height * BYTES_PER_PIXEL) };
}

function makeChunk(type: string, body: Buffer): Buffer {
  const typeAndBody = Buffer.concat([Buffer.from(type, "latin1"), body]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(body.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndBody));
  return Buffer.concat([length, typeAndBody, crc]);
}

/** Applies PNG filter `filter` to one row, given the unfiltered row above it. */
function filterRow(filter: number, row: Uint8Array, previous: Uint8Array): Uint8Array {
  const out = new Uint8Array(row.length);
  for (let i = 0; i < row.length; i++) {
    const left = i >= BYTES_PER_PIXEL ? row[i - BYTES_PER_PIXEL]! : 0;
    const upLeft = i >= BYTES_PER_PIXEL ? previous[i - BYTES_PER_PIXEL]! : 0;
    out[i] = (row[i]! - predict(filter, left, previous[i]!, upLeft)) & 0xff;
  }
  return out;
}

/**
 * Encodes 8-bit RGBA. Filter 0 (none) is the default because the icons are tiny; the other
 * filters exist so the decoder can be tested against what image editors write.
 */
export function encodePng(raster: Raster, filter = 0): Buffer {
  const { width, height, data } = raster;
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, COLOR_TYPE_RGBA, 0, 0, 0], 8);
  const stride = width * BYTES_PER_PIXEL;
  const scanlines = Buffer.alloc((stride + 1) * height);
  let previous: Uint8Array = new Uint8Array(stride);
  for (let y = 0; y < height; y++) {
    const row = data.subarray(y * stride, (y + 1) * stride);
    scanlines[y * (stride + 1)] = filter;
    scanlines.set(filterRow(filter, row, previous), y * (stride + 1) + 1);
    previous = row;
  }
  return Buffer.concat([
    SIGNATURE,
    makeChunk("IHDR", header),
    makeChunk("IDAT", deflateSync(scanlines, { level: 9 })),
    makeChunk("IEND", Buffer.alloc(0)),
  ]);
}

interface Chunk {
  type: string;
  body: Buffer;
}

function readChunks(png: Buffer): Chunk[] {
  if (png.length < SIGNATURE.length || !png.subarray(0, SIGNATURE.length).equals(SIGNATURE)) {
    throw new Error("not a PNG file (the 8-byte PNG signature is missing)");
  }
  const chunks: Chunk[] = [];
  let offset = SIGNATURE.length;
  while (offset + 12 <= png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString("latin1", offset + 4, offset + 8);
    const end = offset + 8 + length;
    if (end + 4 > png.length) throw new Error(`PNG chunk ${type} is truncated`);
    if (png.readUInt32BE(end) !== crc32(png.subarray(offset + 4, end))) {
      throw new Error(`PNG chunk ${type} has a bad checksum`);
    }
    chunks.push({ type, body: png.subarray(offset + 8, end) });
    if (type === "IEND") return chunks;
    offset = end + 4;
  }
  throw new Error("PNG file ends without an IEND chunk");
}

export function readPngHeader(png: Buffer): PngHeader {
  const ihdr = readChunks(png)[0];
  if (!ihdr || ihdr.type !== "IHDR" || ihdr.body.length !== 13) {
    throw new Error("PNG file does not start with a valid IHDR chunk");
  }
  return {
    width: ihdr.body.readUInt32BE(0),
    height: ihdr.body.readUInt32BE(4),
    bitDepth: ihdr.body[8]!,
    colorType: ihdr.body[9]!,
    interlace: ihdr.body[12]!,
  };
}

function paethPredictor(left: number, up: number, upLeft: number): number {
  const estimate = left + up - upLeft;
  const toLeft = Math.abs(estimate - left);
  const toUp = Math.abs(estimate - up);
  const toUpLeft = Math.abs(estimate - upLeft);
  if (toLeft <= toUp && toLeft <= toUpLeft) return left;
  return toUp <= toUpLeft ? up : upLeft;
}

function predict(filter: number, left: number, up: number, upLeft: number): number {
  switch (filter) {
    case 0:
      return 0;
    case 1:
      return left;
    case 2:
      return up;
    case 3:
      return (left + up) >> 1;
    case 4:
      return paethPredictor(left, up, upLeft);
    default:
      throw new Error(`PNG row uses unknown filter type ${filter}`);
  }
}

function unfilterRow(filter: number, row: Uint8Array, previous: Uint8Array): void {
  for (let i = 0; i < row.length; i++) {
    const left = i >= BYTES_PER_PIXEL ? row[i - BYTES_PER_PIXEL]! : 0;
    const upLeft = i >= BYTES_PER_PIXEL ? previous[i - BYTES_PER_PIXEL]! : 0;
    row[i] = (row[i]! + predict(filter, left, previous[i]!, upLeft)) & 0xff;
  }
}

/** Decodes an 8-bit, non-interlaced RGBA PNG, the format Teams expects for a transparent outline icon. */
export function decodePng(png: Buffer): Raster {
  const header = readPngHeader(png);
  if (header.bitDepth !== 8 || header.colorType !== COLOR_TYPE_RGBA || header.interlace !== 0) {
    throw new Error(
      `PNG must be 8-bit RGBA without interlacing; got bit depth ${header.bitDepth}, colour type ${header.colorType}, interlace ${header.interlace}`,
    );
  }
  const compressed = Buffer.concat(readChunks(png).filter((c) => c.type === "IDAT").map((c) => c.body));
  const filtered = inflateSync(compressed);
  const stride = header.width * BYTES_PER_PIXEL;
  if (filtered.length < (stride + 1) * header.height) throw new Error("PNG image data is shorter than its size says");
  const raster = createRaster(header.width, header.height);
  let previous = new Uint8Array(stride);
  for (let y = 0; y < header.height; y++) {
    const start = y * (stride + 1);
    const row = Uint8Array.from(filtered.subarray(start + 1, start + 1 + stride));
    unfilterRow(filtered[start]!, row, previous);
    raster.data.set(row, y * stride);
    previous = row;
  }
  return raster;
}
