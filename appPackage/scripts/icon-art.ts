/**
 * The Cascade mark: three goal bars stepping down and to the right (organisation, team, person),
 * each joined to the one above by an elbow, so the picture reads as a waterfall of aligned goals.
 * Geometry lives on a 32-unit grid so the 32 px outline icon lands on whole pixels.
 */
import { fillDiagonalGradient, fillShape, makeRoundedRect, makeUnion, type Rgba, type Shape } from "./draw.js";
import { createRaster, type Raster } from "./png.js";

interface Bar {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  /** Share of the bar shown as done in the colour icon. */
  progress: number;
}

const BARS: readonly Bar[] = [
  { x0: 4, y0: 5, x1: 22, y1: 9, progress: 0.8 },
  { x0: 10, y0: 14, x1: 26, y1: 18, progress: 0.65 },
  { x0: 16, y0: 23, x1: 28, y1: 27, progress: 0.5 },
];

const CONNECTOR_WIDTH = 2;
const CONNECTOR_INSET = 2;

export const COLOR_ICON_SIZE = 192;
export const OUTLINE_ICON_SIZE = 32;
export const ACCENT_COLOR = "#2F54EB";

const WHITE: Rgba = [255, 255, 255, 1];
const GRADIENT_FROM: Rgba = [47, 84, 235, 1];
const GRADIENT_TO: Rgba = [19, 194, 194, 1];
const TRACK: Rgba = [255, 255, 255, 0.35];
const CONNECTOR: Rgba = [255, 255, 255, 0.85];
const PERSONAL_GOAL: Rgba = [255, 197, 61, 1];

/** The elbow from under the left end of `upper` down into the left end of `lower`. */
function makeElbow(upper: Bar, lower: Bar): Shape {
  const left = upper.x0 + CONNECTOR_INSET;
  const middle = (lower.y0 + lower.y1) / 2;
  const half = CONNECTOR_WIDTH / 2;
  return makeUnion(
    // Both segments run a little under the bars so the joins stay clean against rounded ends.
    makeRoundedRect(left, upper.y1 - half, left + CONNECTOR_WIDTH, middle + half, 0),
    makeRoundedRect(left, middle - half, lower.x0 + CONNECTOR_WIDTH, middle + half, 0),
  );
}

function makeElbows(): Shape {
  const elbows: Shape[] = [];
  for (let i = 1; i < BARS.length; i++) elbows.push(makeElbow(BARS[i - 1]!, BARS[i]!));
  return makeUnion(...elbows);
}

function makeBar(bar: Bar, radius: number, share = 1): Shape {
  const x1 = bar.x0 + (bar.x1 - bar.x0) * share;
  return makeRoundedRect(bar.x0, bar.y0, x1, bar.y1, Math.min(radius, (x1 - bar.x0) / 2));
}

/** 192×192 full-colour icon: gradient tile, the mark scaled 4.5× in the central 144 px. */
export function drawColorIcon(): Raster {
  const raster = createRaster(COLOR_ICON_SIZE, COLOR_ICON_SIZE);
  const scale = 4.5;
  const offset = (COLOR_ICON_SIZE - OUTLINE_ICON_SIZE * scale) / 2;
  fillDiagonalGradient(raster, GRADIENT_FROM, GRADIENT_TO);
  fillShape(raster, makeElbows(), CONNECTOR, scale, offset);
  BARS.forEach((bar, index) => {
    const radius = (bar.y1 - bar.y0) / 2;
    const isPersonal = index === BARS.length - 1;
    fillShape(raster, makeBar(bar, radius), TRACK, scale, offset);
    fillShape(raster, makeBar(bar, radius, bar.progress), isPersonal ? PERSONAL_GOAL : WHITE, scale, offset);
  });
  return raster;
}

/** 32×32 outline icon: the same mark in white on a transparent background, as Teams requires. */
export function drawOutlineIcon(): Raster {
  const raster = createRaster(OUTLINE_ICON_SIZE, OUTLINE_ICON_SIZE);
  const mark = makeUnion(makeElbows(), ...BARS.map((bar) => makeBar(bar, 1)));
  fillShape(raster, mark, WHITE);
  return raster;
}
