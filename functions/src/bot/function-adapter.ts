/** The Teams SDK's HTTP seam, hosted by Azure Functions: the SDK registers its messaging endpoint
 * here instead of on an Express server, and the Function route hands each request to it. The
 * Functions host owns listening and shutdown, so start/stop/serveStatic are left out on purpose. */
import type { HttpMethod, HttpRouteHandler, IHttpServerAdapter, IHttpServerRequest, IHttpServerResponse } from "@microsoft/teams.apps";

export class FunctionHttpAdapter implements IHttpServerAdapter {
  private readonly handlers = new Map<string, HttpRouteHandler>();

  registerRoute(method: HttpMethod, path: string, handler: HttpRouteHandler): void {
    this.handlers.set(`${method} ${path}`, handler);
  }

  async dispatch(method: HttpMethod, path: string, request: IHttpServerRequest): Promise<IHttpServerResponse> {
    const handler = this.handlers.get(`${method} ${path}`);
    if (!handler) throw new Error(`The Teams SDK registered no handler for ${method} ${path}.`);
    return handler(request);
  }
}
