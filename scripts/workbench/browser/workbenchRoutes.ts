/**
 * The workbench's pages and their URLs (`#/forecast`, `#/opportunity/<id>`), and the mapping
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

/** Pages by the tab, object or component a page reference names. */
const PAGE_BY_NAME: Record<string, string> = {
  Deal_Registration__c: 'registrations',
  Registration_Dispute__c: 'registrations',
  Opportunity: 'hygiene',
  Partner_Account_Plan__c: 'plans',
  Forecast_Submission__c: 'forecast',
  Partner_Target__c: 'forecast'
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
    case 'standard__objectPage':
      return { page: PAGE_BY_NAME[text('objectApiName')] ?? '' };
    case 'standard__navItemPage':
    case 'standard__component': {
      const name = (text('apiName') || text('componentName')).replace(/^c__/, '').toLowerCase();
      return { page: guessPage(name) };
    }
    default:
      return { page: '' };
  }
}

function guessPage(name: string): string {
  const keywords: [string, string][] = [
    ['forecast', 'forecast'],
    ['registration', 'registrations'],
    ['desk', 'registrations'],
    ['hygiene', 'hygiene'],
    ['kpi', 'kpis'],
    ['cadence', 'cadence'],
    ['plan', 'plans'],
    ['maturity', 'maturity'],
    ['setup', 'setup']
  ];
  return keywords.find(([word]) => name.includes(word))?.[1] ?? '';
}
