import type { Connection } from 'jsforce';
import { CliError } from '../errors';

/**
 * HTTP to one org, with the session of a jsforce Connection (from the sf CLI's stored login, or
 * built directly in tests). The CLI speaks REST and Bulk API 2.0 itself rather than through
 * jsforce's wrappers so that it can stream Bulk results into the CSV reader, retry the way a
 * long export needs, and turn each failure into a one-line message.
 */

export interface RetryPolicy {
  /** Attempts after the first one for 503 and REQUEST_LIMIT_EXCEEDED. */
  retries: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { retries: 5, baseDelayMs: 1000, maxDelayMs: 30_000 };

export interface OrgClientOptions {
  retry?: RetryPolicy;
  sleep?: (ms: number) => Promise<void>;
  /** Names the org in messages (the alias the user typed). */
  orgName?: string;
}

export interface RequestOptions {
  body?: string;
  contentType?: string;
  accept?: string;
}

interface SalesforceError {
  errorCode?: string;
  message?: string;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class OrgClient {
  readonly apiBase: string;
  private readonly retry: RetryPolicy;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly orgName: string;
  /** Requests sent, for progress and for the tests' bounds. */
  requests = 0;

  constructor(
    private readonly connection: Connection,
    options: OrgClientOptions = {}
  ) {
    this.apiBase = `/services/data/v${connection.version}`;
    this.retry = options.retry ?? DEFAULT_RETRY;
    this.sleep = options.sleep ?? realSleep;
    this.orgName = options.orgName ?? connection.instanceUrl;
  }

  /** Sends a request; retries 503 and REQUEST_LIMIT_EXCEEDED with back-off, refreshes an expired session once. */
  async request(method: string, path: string, options: RequestOptions = {}): Promise<Response> {
    const url = path.startsWith('http') ? path : `${this.connection.instanceUrl}${path}`;
    let refreshed = false;
    for (let attempt = 0; ; attempt++) {
      const response = await this.send(method, url, options);
      if (response.ok) return response;
      const error = await readError(response);
      const code = error.errorCode ?? '';
      if (response.status === 401 || code === 'INVALID_SESSION_ID') {
        if (!refreshed && (await this.refreshSession())) {
          refreshed = true;
          attempt--;
          continue;
        }
        throw new CliError(
          `the session for ${this.orgName} has expired or is invalid: log in again with sf org login web --alias <alias>`
        );
      }
      const limited = code === 'REQUEST_LIMIT_EXCEEDED';
      if (response.status === 503 || limited) {
        if (attempt < this.retry.retries) {
          await this.sleep(this.delay(attempt, response));
          continue;
        }
        throw new CliError(
          limited
            ? `${this.orgName} refused ${method} ${path.split('?')[0]}: API request limit exceeded (REQUEST_LIMIT_EXCEEDED) after ${attempt + 1} attempts; wait for the org's 24-hour API allowance to recover`
            : `${this.orgName} is unavailable (503) after ${attempt + 1} attempts for ${method} ${path.split('?')[0]}; try again later`
        );
      }
      throw new CliError(
        `${method} ${path.split('?')[0]} failed: ${response.status} ${code ? `${code}: ` : ''}${error.message ?? response.statusText}`
      );
    }
  }

  async json<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await this.request(
      method,
      path,
      body === undefined ? {} : { body: JSON.stringify(body), contentType: 'application/json' }
    );
    const text = await response.text();
    return (text === '' ? {} : JSON.parse(text)) as T;
  }

  private async send(method: string, url: string, options: RequestOptions): Promise<Response> {
    this.requests++;
    const headers: Record<string, string> = {
      Authorization: `Bearer ${this.connection.accessToken ?? ''}`,
      Accept: options.accept ?? 'application/json'
    };
    if (options.contentType) headers['Content-Type'] = options.contentType;
    try {
      return await fetch(url, { method, headers, body: options.body });
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message;
      throw new CliError(`cannot reach ${this.orgName} (${new URL(url).host}): ${cause}`);
    }
  }

  /** Exponential back-off; a Retry-After header (seconds) wins when the org sends one. */
  private delay(attempt: number, response: Response): number {
    const retryAfter = Number(response.headers.get('retry-after'));
    const exponential = this.retry.baseDelayMs * 2 ** attempt;
    return Math.min(
      this.retry.maxDelayMs,
      Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : exponential
    );
  }

  /** A login from the sf CLI carries a refresh token: jsforce's delegate gets a new access token. */
  private async refreshSession(): Promise<boolean> {
    const delegate = this.connection._refreshDelegate;
    if (!delegate) return false;
    try {
      await delegate.refresh(Date.now());
      return true;
    } catch {
      return false;
    }
  }
}

async function readError(response: Response): Promise<SalesforceError> {
  const text = await response.text().catch(() => '');
  try {
    const body = JSON.parse(text) as SalesforceError | SalesforceError[];
    return (Array.isArray(body) ? body[0] : body) ?? {};
  } catch {
    return { message: text.slice(0, 200) || undefined };
  }
}
