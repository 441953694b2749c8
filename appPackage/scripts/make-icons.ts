/** Writes appPackage/color.png and appPackage/outline.png from the drawing in icon-art.ts. */
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { drawColorIcon, drawOutlineIcon } from "./icon-art.js";
import { encodePng } from "./png.js";

const appPackageDir = fileURLToPath(new URL("..", import.meta.url));

function writeIcon(fileName: string, png: Buffer): void {
  writeFileSync(`${appPackageDir}${fileName}`, png);
  console.log(JSON.stringify({ icon: fileName, bytes: png.length }));
}

writeIcon("color.png", encodePng(drawColorIcon()));
writeIcon("outline.png", encodePng(drawOutlineIcon()));
