/** Microsoft Graph access for the sync: the Graph SDK client with its RetryHandler (honours Retry-After
 * on 429/503/504), our bearer middleware, low throttle priority, and a last line of patience: when the
 * SDK's retries run out during a throttling storm we keep waiting for as long as Graph asks. */
import { Client, GraphError, HTTPMessageHandler, RetryHandler, RetryHandlerOptions, type Context, type Middleware } from "@microsoft/microsoft-graph-client";
import type { TokenSource } from "./graph-token.js";

export interface GraphApiOptions {
  /** e.g. https://graph.microsoft.com/v1.0 (the version segment is optional). */
  graphBaseUrl: string;
  tokens: TokenSource;
  /** Base delay when Graph sends no Retry-After. */
  retryDelaySeconds?: number;
  /** How many exhausted SDK retry rounds to wait out before giving up. */
  maxThrottleRounds?: number;
}

export interface GraphApi {
  /** GET a path ("/users/delta?...") or a nextLink/deltaLink Graph returned. */
  get<T>(pathOrLink: string): Promise<T>;
  /** POST a JSON body to a path; resolves with Graph's answer (nothing for an empty one). */
  post(path: string, body: unknown): Promise<unknown>;
}

const RETRYABLE = new Set([429, 503, 504]);
/** The SDK caps its own wait here; a longer Retry-After is left to our loop, which waits it in full. */
const SDK_MAX_DELAY_SECONDS = 180;
/** The most retries the SDK's RetryHandler accepts. */
const SDK_MAX_RETRIES = 10;
const MAX_BACKOFF_SECONDS = 60;

export function splitGraphBaseUrl(graphBaseUrl: string): { root: string; version: string } {
  const url = new URL(graphBaseUrl);
  const segments = url.pathname.split("/").filter(Boolean);
  const last = segments[segments.length - 1];
  const hasVersion = last === "v1.0" || last === "beta";
  const path = (hasVersion ? segments.slice(0, -1) : segments).join("/");
  return { root: `${url.origin}${path ? `/${path}` : ""}`, version: hasVersion ? last : "v1.0" };
}

/** The SDK's AuthenticationHandler only recognises https Graph hosts; this one also serves the
 * loopback fake, and refuses to hand the token to any other origin. */
class BearerMiddleware implements Middleware {
  private next: Middleware | undefined;
  constructor(
    private readonly origin: string,
    private readonly tokens: TokenSource,
  ) {}
  async execute(context: Context): Promise<void> {
    const url = typeof context.request === "string" ? context.request : context.request.url;
    if (new URL(url).origin !== this.origin) throw new Error(`Refusing to send the Graph token to ${new URL(url).origin}`);
    const added = { Authorization: `Bearer ${await this.tokens.getToken()}`, "x-ms-throttle-priority": "low" };
    const options = (context.options ??= {});
    if (options.headers instanceof Headers) for (const [key, value] of Object.entries(added)) options.headers.set(key, value);
    else options.headers = { ...(options.headers as Record<string, string> | undefined), ...added };
    await this.next!.execute(context);
  }
  setNext(next: Middleware): void {
    this.next = next;
  }
}

function retryAfterSeconds(error: unknown, round: number, baseDelay: number): number | null {
  if (!(error instanceof GraphError) || !RETRYABLE.has(error.statusCode)) return null;
  const header = error.headers?.get("retry-after");
  if (header) {
    const seconds = Number(header);
    if (Number.isFinite(seconds)) return Math.max(0, seconds);
    const at = Date.parse(header);
    if (Number.isFinite(at)) return Math.max(0, (at - Date.now()) / 1000);
  }
  return Math.min(MAX_BACKOFF_SECONDS, baseDelay * 2 ** round);
}

export function createGraphApi(options: GraphApiOptions): GraphApi {
  const { root, version } = splitGraphBaseUrl(options.graphBaseUrl);
  const baseDelay = options.retryDelaySeconds ?? 3;
  const maxRounds = options.maxThrottleRounds ?? 20;
  const isShortWait = (_delay: number, _attempt: number, _request: RequestInfo, _options: unknown, response: Response) => {
    const seconds = Number(response.headers.get("retry-after") ?? 0);
    return !(seconds > SDK_MAX_DELAY_SECONDS);
  };
  const retry = new RetryHandler(new RetryHandlerOptions(baseDelay, SDK_MAX_RETRIES, isShortWait));
  const client = Client.initWithMiddleware({
    baseUrl: `${root}/`,
    defaultVersion: version,
    middleware: [new BearerMiddleware(new URL(root).origin, options.tokens), retry, new HTTPMessageHandler()],
  });
  const prefix = `${root}/${version}/`;

  /** The SDK parses only https links, so a link is turned back into a path under our base. */
  function toPath(pathOrLink: string): string {
    if (pathOrLink.startsWith("/")) return pathOrLink;
    if (!pathOrLink.startsWith(prefix)) throw new Error("Graph returned a link outside the configured Graph base URL.");
    return `/${pathOrLink.slice(prefix.length)}`;
  }

  async function withPatience<T>(call: () => Promise<T>): Promise<T> {
    for (let round = 0; ; round++) {
      try {
        return await call();
      } catch (error) {
        const wait = retryAfterSeconds(error, round, baseDelay);
        if (wait === null || round >= maxRounds) throw error;
        await new Promise((resolve) => setTimeout(resolve, wait * 1000));
      }
    }
  }

  return {
    get: <T>(pathOrLink: string) => withPatience(async () => (await client.api(toPath(pathOrLink)).get()) as T),
    post: (path, body) => withPatience(() => client.api(toPath(path)).post(body) as Promise<unknown>),
  };
}
