import { crc32 } from "node:zlib";
import { describe, expect, it } from "vitest";
import { createRaster, decodePng, encodePng, readPngHeader, type Raster } from "./png.js";

function makeNoiseRaster(width: number, height: number): Raster {
  const raster = createRaster(width, height);
  let seed = 7;
  for (let i = 0; i < raster.data.length; i++) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    raster.data[i] = seed & 0xff;
  }
  return raster;
}

describe("png", () => {
  it("reads back the size and format it wrote", () => {
    const header = readPngHeader(encodePng(createRaster(192, 96)));
    expect(header).toEqual({ width: 192, height: 96, bitDepth: 8, colorType: 6, interlace: 0 });
  });

  it.each([0, 1, 2, 3, 4])("round-trips pixels with filter type %i", (filter) => {
    const raster = makeNoiseRaster(9, 7);
    const decoded = decodePng(encodePng(raster, filter));
    expect(decoded.width).toBe(9);
    expect(decoded.height).toBe(7);
    expect(Buffer.from(decoded.data).equals(Buffer.from(raster.data))).toBe(true);
  });

  it("rejects a file that is not a PNG", () => {
    expect(() => readPngHeader(Buffer.from("GIF89a not a png"))).toThrow(/PNG signature/);
  });

  it("rejects a PNG whose chunk checksum is wrong", () => {
    const png = encodePng(createRaster(4, 4));
    png[20] = png[20]! ^ 0xff;
    expect(() => readPngHeader(png)).toThrow(/IHDR has a bad checksum/);
  });

  it("refuses to decode formats other than 8-bit RGBA", () => {
    const png = encodePng(createRaster(2, 2));
    // Rewrite colour type to 2 (RGB) and fix the checksum so only the format is wrong.
    const patched = Buffer.from(png);
    patched[25] = 2;
    patched.writeUInt32BE(crc32(patched.subarray(12, 29)), 29);
    expect(() => decodePng(patched)).toThrow(/8-bit RGBA without interlacing; got bit depth 8, colour type 2/);
  });
});
