/**
 * The workbench's pages and their URLs (`#/partner-forecast`, `#/opportunity/<id>`), and the mapping
 * from Lightning page references to them, shared by the navigation shim and the app shell.
 */

export interface PageReference {
  type: string;
  attributes?: Record<string, unknown>;
  state?: Record<string, unknown>;
}

export interface Route {
  page: string;
  recordId?: string;
}

const ID_PREFIX_TO_OBJECT: Record<string, string> = {
  '006': 'Opportunity',
  '001': 'Account',
  '005': 'User',
  a02: 'Deal_Registration__c'
};

export function parseHash(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  if (parts[0] === 'opportunity' || parts[0] === 'record') return { page: parts[0], recordId: parts[1] };
  return { page: parts[0] ?? '' };
}

export function hashFor(route: Route): string {
  return route.recordId ? `#/${route.page}/${encodeURIComponent(route.recordId)}` : `#/${route.page}`;
}

/** `Partner_Forecast` as its page's route, `partner-forecast`: every page tab's route is its tab's name. */
export function routeOfTab(tab: string): string {
  return tab.toLowerCase().replace(/_/g, '-');
}

/**
 * The tab an object's list opens on in the workbench, which has record pages but no record
 * lists: the page where the records are worked.
 */
const TAB_OF_OBJECT: Record<string, string> = {
  Deal_Registration__c: 'Registration_Desk',
  Registration_Dispute__c: 'Registration_Desk',
  Opportunity: 'Pipeline_Hygiene_Board',
  Partner_Account_Plan__c: 'Partner_Programme',
  Forecast_Submission__c: 'Partner_Forecast',
  Partner_Target__c: 'Partner_Forecast'
};

export function routeFor(reference: PageReference): Route {
  const attributes = reference.attributes ?? {};
  const text = (key: string) => (typeof attributes[key] === 'string' ? (attributes[key] as string) : '');
  switch (reference.type) {
    case 'standard__recordPage': {
      const id = text('recordId');
      const object = text('objectApiName') || ID_PREFIX_TO_OBJECT[id.slice(0, 3)] || '';
      return { page: object === 'Opportunity' ? 'opportunity' : 'record', recordId: id };
    }
    case 'standard__objectPage': {
      const tab = TAB_OF_OBJECT[text('objectApiName')];
      return { page: tab ? routeOfTab(tab) : '' };
    }
    case 'standard__navItemPage':
      return { page: routeOfTab(text('apiName')) };
    default:
      return { page: '' };
  }
}
