/** Tiny anti-aliased rasteriser: shapes are inside-tests, coverage comes from supersampling. */
import type { Raster } from "./png.js";

/** Red, green, blue 0–255 and alpha 0–1. */
export type Rgba = readonly [number, number, number, number];
export interface Bounds {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** An inside-test plus the box outside which it is always false, so painting skips most pixels. */
export interface Shape {
  contains(x: number, y: number): boolean;
  bounds: Bounds;
}

const SAMPLES_PER_AXIS = 8;

export function makeRoundedRect(x0: number, y0: number, x1: number, y1: number, radius: number): Shape {
  const contains = (x: number, y: number): boolean => {
    if (x < x0 || x > x1 || y < y0 || y > y1) return false;
    const dx = Math.max(x0 + radius - x, 0, x - (x1 - radius));
    const dy = Math.max(y0 + radius - y, 0, y - (y1 - radius));
    return dx * dx + dy * dy <= radius * radius;
  };
  return { contains, bounds: { x0, y0, x1, y1 } };
}

export function makeUnion(...shapes: Shape[]): Shape {
  return {
    contains: (x, y) => shapes.some((shape) => shape.contains(x, y)),
    bounds: {
      x0: Math.min(...shapes.map((s) => s.bounds.x0)),
      y0: Math.min(...shapes.map((s) => s.bounds.y0)),
      x1: Math.max(...shapes.map((s) => s.bounds.x1)),
      y1: Math.max(...shapes.map((s) => s.bounds.y1)),
    },
  };
}

function blendPixel(raster: Raster, index: number, color: Rgba, coverage: number): void {
  const sourceAlpha = color[3] * coverage;
  if (sourceAlpha <= 0) return;
  const { data } = raster;
  const destAlpha = data[index + 3]! / 255;
  const outAlpha = sourceAlpha + destAlpha * (1 - sourceAlpha);
  for (let channel = 0; channel < 3; channel++) {
    const blended = (color[channel]! * sourceAlpha + data[index + channel]! * destAlpha * (1 - sourceAlpha)) / outAlpha;
    data[index + channel] = Math.round(blended);
  }
  data[index + 3] = Math.round(outAlpha * 255);
}

function measureCoverage(contains: (x: number, y: number) => boolean, px: number, py: number): number {
  let inside = 0;
  for (let sy = 0; sy < SAMPLES_PER_AXIS; sy++) {
    for (let sx = 0; sx < SAMPLES_PER_AXIS; sx++) {
      if (contains(px + (sx + 0.5) / SAMPLES_PER_AXIS, py + (sy + 0.5) / SAMPLES_PER_AXIS)) inside++;
    }
  }
  return inside / (SAMPLES_PER_AXIS * SAMPLES_PER_AXIS);
}

/** Paints shape (given in units of `scale` pixels, shifted by `offset` pixels) over the raster. */
export function fillShape(raster: Raster, shape: Shape, color: Rgba, scale = 1, offset = 0): void {
  const contains = (x: number, y: number): boolean => shape.contains((x - offset) / scale, (y - offset) / scale);
  const { x0, y0, x1, y1 } = shape.bounds;
  const left = Math.max(0, Math.floor(x0 * scale + offset));
  const top = Math.max(0, Math.floor(y0 * scale + offset));
  const right = Math.min(raster.width - 1, Math.ceil(x1 * scale + offset));
  const bottom = Math.min(raster.height - 1, Math.ceil(y1 * scale + offset));
  for (let py = top; py <= bottom; py++) {
    for (let px = left; px <= right; px++) {
      blendPixel(raster, (py * raster.width + px) * 4, color, measureCoverage(contains, px, py));
    }
  }
}

/** Fills the whole raster with a gradient running from the top-left corner to the bottom-right one. */
export function fillDiagonalGradient(raster: Raster, from: Rgba, to: Rgba): void {
  const span = raster.width + raster.height - 2;
  for (let py = 0; py < raster.height; py++) {
    for (let px = 0; px < raster.width; px++) {
      const t = (px + py) / span;
      const index = (py * raster.width + px) * 4;
      for (let channel = 0; channel < 3; channel++) {
        raster.data[index + channel] = Math.round(from[channel]! + (to[channel]! - from[channel]!) * t);
      }
      raster.data[index + 3] = Math.round((from[3] + (to[3] - from[3]) * t) * 255);
    }
  }
}
