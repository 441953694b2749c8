import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import { compileMessages, withoutIcuParser } from "./scripts/compile-messages.js";

const tabRoot = fileURLToPath(new URL(".", import.meta.url));
const apiTarget = process.env.CASCADE_API_URL ?? "http://127.0.0.1:7071";

export default defineConfig({
  root: tabRoot,
  base: "/",
  plugins: [compileMessages(), react()],
  resolve: { alias: [withoutIcuParser()] },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    assetsDir: "assets",
    target: "es2022",
    chunkSizeWarningLimit: 600,
  },
  server: {
    host: "127.0.0.1",
    proxy: { "/api": { target: apiTarget, changeOrigin: false } },
  },
  preview: {
    host: "127.0.0.1",
    proxy: { "/api": { target: apiTarget, changeOrigin: false } },
  },
});
