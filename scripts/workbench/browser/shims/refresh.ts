/** `lightning/refresh`: a RefreshEvent the shell may ignore; handlers register and are never called locally. */
export class RefreshEvent extends CustomEvent<null> {
  constructor() {
    super('lightning__refreshevent', { bubbles: true, composed: true, detail: null });
  }
}

export function registerRefreshHandler(): number {
  return 0;
}

export function unregisterRefreshHandler(): void {}
