/** The one place the tab talks HTTP. Components never call fetch; hooks call this client. */

export interface FieldProblem {
  path: string;
  message: string;
}

export interface Problem {
  type?: string;
  title: string;
  status: number;
  detail?: string;
  code?: string;
  errors?: FieldProblem[];
}

export class ApiError extends Error {
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.detail ?? problem.title);
    this.name = "ApiError";
    this.problem = problem;
  }

  get status(): number {
    return this.problem.status;
  }
}

export interface ApiResponse<T> {
  data: T;
  etag: string | null;
}

export interface RequestOptions {
  method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  body?: unknown;
  ifMatch?: string;
  /** A file sent as the body as it is (an upload), instead of `body` as JSON. */
  file?: { body: Blob; type: string };
  /** Further request headers, e.g. an endpoint's own options header. */
  headers?: Record<string, string>;
  /** "text" returns the body as a string (CSV downloads); JSON otherwise. */
  responseType?: "json" | "text";
}

export interface ApiClient {
  request<T>(path: string, options?: RequestOptions): Promise<ApiResponse<T>>;
}

export type TokenProvider = () => Promise<string | null>;

export interface ApiClientOptions {
  getToken: TokenProvider;
  /** Called once a request comes back 401, so the shell can ask the person to sign in again. */
  onUnauthorized?: () => void;
  fetchImpl?: typeof fetch;
  baseUrl?: string;
  /** The person's language, sent as Accept-Language so the server can answer and write to them in it. */
  locale?: string;
}

/** Problem titles made here are English, for logs; people read describeError (tab/src/i18n). */
const OFFLINE_PROBLEM: Problem = {
  title: "Cannot reach Cascade",
  status: 0,
  detail: "Check your connection and try again.",
  code: "network",
};

export async function readProblem(response: Response): Promise<Problem> {
  const fallback: Problem = { title: response.statusText || "Something went wrong", status: response.status };
  const contentType = response.headers.get("content-type") ?? "";
  if (!contentType.includes("json")) return fallback;
  try {
    const body = (await response.json()) as Partial<Problem>;
    return { ...fallback, ...body, status: response.status };
  } catch {
    return fallback;
  }
}

function buildHeaders(token: string | null, options: RequestOptions, locale: string | undefined): Headers {
  const headers = new Headers({ Accept: "application/json" });
  if (locale) headers.set("Accept-Language", locale);
  if (token) headers.set("Authorization", `Bearer ${token}`);
  for (const [name, value] of Object.entries(options.headers ?? {})) headers.set(name, value);
  if (options.file) headers.set("Content-Type", options.file.type);
  else if (options.body !== undefined) headers.set("Content-Type", "application/json");
  if (options.ifMatch) headers.set("If-Match", options.ifMatch);
  return headers;
}

export function createApiClient(options: ApiClientOptions): ApiClient {
  const fetchImpl = options.fetchImpl ?? ((input, init) => fetch(input, init));
  const baseUrl = options.baseUrl ?? "";
  return {
    async request<T>(path: string, requestOptions: RequestOptions = {}): Promise<ApiResponse<T>> {
      const token = await options.getToken();
      let response: Response;
      try {
        response = await fetchImpl(`${baseUrl}${path}`, {
          method: requestOptions.method ?? "GET",
          headers: buildHeaders(token, requestOptions, options.locale),
          body: requestOptions.file ? requestOptions.file.body : requestOptions.body === undefined ? undefined : JSON.stringify(requestOptions.body),
        });
      } catch {
        throw new ApiError(OFFLINE_PROBLEM);
      }
      if (response.status === 401) options.onUnauthorized?.();
      if (!response.ok) throw new ApiError(await readProblem(response));
      const etag = response.headers.get("ETag");
      const data = (response.status === 204 ? undefined : requestOptions.responseType === "text" ? await response.text() : await response.json()) as T;
      return { data, etag };
    },
  };
}
