import { hashFor, parseHash, routeFor, type PageReference } from '../workbenchRoutes';
import { ShowToastEvent } from './platformShowToastEvent';

/**
 * `lightning/navigation` for the workbench: NavigationMixin navigates by changing the URL hash
 * the app shell routes on; CurrentPageReference reports the page the shell shows.
 */

const Navigate = Symbol('Navigate');
const GenerateUrl = Symbol('GenerateUrl');

function NavigationMixinFunction<T extends abstract new (...args: never[]) => object>(Base: T): T {
  // Typed loosely on purpose: components see the mixin through @salesforce/lightning-types.
  const Mixed = class extends (Base as unknown as new () => object) {
    [Navigate](reference: PageReference, replace?: boolean): void {
      // A web page (Setup, an external site) is not part of the workbench: say so instead of leaving the page.
      if (reference.type === 'standard__webPage') {
        const url = String(reference.attributes?.url ?? '');
        if (/^https?:\/\//.test(url)) window.open(url, '_blank', 'noopener');
        else
          (this as unknown as EventTarget).dispatchEvent(
            new ShowToastEvent({
              title: 'Opens in the org',
              message: `${url || 'This page'} is part of Salesforce Setup, which the local workbench does not include.`,
              variant: 'info'
            })
          );
        return;
      }
      const hash = hashFor(routeFor(reference));
      if (replace) window.location.replace(hash);
      else window.location.hash = hash;
    }

    [GenerateUrl](reference: PageReference): Promise<string> {
      return Promise.resolve(hashFor(routeFor(reference)));
    }
  };
  return Mixed as unknown as T;
}

export const NavigationMixin = Object.assign(NavigationMixinFunction, { Navigate, GenerateUrl });

function currentReference(): PageReference {
  const route = parseHash(window.location.hash);
  return route.recordId
    ? {
        type: 'standard__recordPage',
        attributes: { recordId: route.recordId, actionName: 'view' },
        state: {}
      }
    : { type: 'standard__navItemPage', attributes: { apiName: route.page }, state: {} };
}

export class CurrentPageReference {
  private readonly onChange = () => this.emit(currentReference());

  constructor(private readonly emit: (value: PageReference) => void) {}

  connect(): void {
    window.addEventListener('hashchange', this.onChange);
    this.emit(currentReference());
  }

  update(): void {
    this.emit(currentReference());
  }

  disconnect(): void {
    window.removeEventListener('hashchange', this.onChange);
  }
}
