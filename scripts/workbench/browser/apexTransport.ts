/**
 * How a compiled LWC reaches the local adapter: every `@salesforce/apex/<Class>.<method>`
 * import becomes `createApexOperation('<Class>.<method>')`, a function for imperative calls
 * that also carries a wire adapter (LWC's `@wire` uses `operation.adapter`), like the org's.
 * Errors have the org's shape (`{ status, body: { message } }`) so reduceErrors shows them.
 */

export interface ApexError {
  status: number;
  statusText: string;
  body: { message: string };
}

type Config = Record<string, unknown>;
type Emit = (value: { data?: unknown; error?: unknown }) => void;

export async function callApex(name: string, params: Config | undefined): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(`/api/${name}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(params ?? {})
    });
  } catch {
    throw apexError(0, 'The workbench server is not reachable. Is `npm start` still running?');
  }
  const text = await response.text();
  const payload: unknown = text === '' ? null : JSON.parse(text);
  if (!response.ok) {
    const message =
      (payload as { message?: string } | null)?.message ?? `${response.status} ${response.statusText}`;
    throw apexError(response.status, message);
  }
  return payload;
}

function apexError(status: number, message: string): ApexError {
  return { status, statusText: message, body: { message } };
}

/** Wire values handed out, so refreshApex(value) can find the wire that produced it. */
const refreshers = new WeakMap<object, () => Promise<void>>();

export function refreshApex(wiredValue: unknown): Promise<void> {
  const refresh =
    wiredValue !== null && typeof wiredValue === 'object' ? refreshers.get(wiredValue) : undefined;
  return refresh ? refresh() : Promise.resolve();
}

/** Wire data is read-only in the org (LDS freezes it); freezing here surfaces the same bugs locally. */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

export function createApexOperation(
  name: string
): ((params?: Config) => Promise<unknown>) & { adapter: unknown } {
  const operation = (params?: Config) => callApex(name, params);
  class ApexWireAdapter {
    private config: Config | undefined;
    private connected = false;
    private generation = 0;

    constructor(private readonly emit: Emit) {}

    connect(): void {
      this.connected = true;
      void this.fetch();
    }

    update(config: Config): void {
      this.config = config;
      void this.fetch();
    }

    disconnect(): void {
      this.connected = false;
    }

    private async fetch(): Promise<void> {
      // As in the org, a wire whose reactive parameters are still undefined does not call the method.
      if (
        !this.connected ||
        this.config === undefined ||
        Object.values(this.config).some((v) => v === undefined)
      )
        return;
      const generation = ++this.generation;
      let value: { data?: unknown; error?: unknown };
      try {
        value = { data: deepFreeze(await callApex(name, this.config)), error: undefined };
      } catch (error) {
        value = { data: undefined, error };
      }
      // Only the latest request may answer: an older, slower response must not overwrite it.
      if (generation !== this.generation || !this.connected) return;
      refreshers.set(value, () => this.fetch());
      this.emit(value);
    }
  }
  return Object.assign(operation, { adapter: ApexWireAdapter });
}
