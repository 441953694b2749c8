/** Liveness and storage reachability. No token needed; reveals nothing about tenants. */
import { json, type RouteHandlers } from "./pipeline.js";

export const healthHandlers = {
  health: async ({ services }) => {
    const started = Date.now();
    const isStorageReachable = await services.checkStorage();
    const body = { status: isStorageReachable ? "ok" : "degraded", storage: isStorageReachable ? "reachable" : "unreachable", authMode: services.config.authMode, storageMs: Date.now() - started };
    return json(isStorageReachable ? 200 : 503, body);
  },
} satisfies RouteHandlers;
