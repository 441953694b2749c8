/** Liveness and storage reachability. No token needed; reveals nothing about tenants. */
import { json, type RouteDef } from "./pipeline.js";

export const healthRoutes: RouteDef[] = [
  {
    name: "health",
    methods: ["GET"],
    route: "api/health",
    auth: "none",
    handle: async ({ services }) => {
      const started = Date.now();
      const isStorageReachable = await services.checkStorage();
      const body = { status: isStorageReachable ? "ok" : "degraded", storage: isStorageReachable ? "reachable" : "unreachable", authMode: services.config.authMode, storageMs: Date.now() - started };
      return json(isStorageReachable ? 200 : 503, body);
    },
  },
];
