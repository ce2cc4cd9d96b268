/**
 * Typed handles on the Apex operation mocks the LWC tests create with createApexTestWireAdapter:
 * the same import is a wire adapter (emit, error) and a jest.fn (imperative calls).
 */
export interface ApexWireMock {
  emit(value: unknown): void;
  error(body?: unknown, status?: number, statusText?: string): void;
  getLastConfig(): unknown;
}

export function wireOf(operation: unknown): ApexWireMock {
  return operation as ApexWireMock;
}

export function mockOf(operation: unknown): jest.Mock {
  return operation as jest.Mock;
}

/** Lets pending promises and the re-render they cause settle. */
export function flushPromises(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Removes every component a test appended, so tests do not see each other's DOM. */
export function resetDom(): void {
  while (document.body.firstChild) {
    document.body.removeChild(document.body.firstChild);
  }
  jest.clearAllMocks();
}
