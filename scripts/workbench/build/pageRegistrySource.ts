import type { ComponentBundle } from './componentCatalog';

/**
 * The workbench's pages, mirroring the org's: the Opportunity record page (the components
 * exposed on Opportunity record pages) and one app page per PSMS tab, each holding the exposed
 * component whose name says what it is. Generated as a module of dynamic imports, so each
 * page's code loads when it is first opened.
 */

interface PageRule {
  id: string;
  label: string;
  matches: (bundle: ComponentBundle) => boolean;
}

const named = (pattern: RegExp) => (bundle: ComponentBundle) =>
  bundle.exposed && pattern.test(bundle.name) && bundle.targets.some((t) => t !== 'lightning__RecordPage');

export const PAGE_RULES: readonly PageRule[] = [
  {
    id: 'opportunity',
    label: 'Opportunity',
    matches: (b) =>
      b.exposed &&
      b.targets.includes('lightning__RecordPage') &&
      (b.objects.length === 0 || b.objects.includes('Opportunity'))
  },
  { id: 'forecast', label: 'Partner Forecast', matches: named(/forecast/i) },
  { id: 'registrations', label: 'Registration Desk', matches: named(/registrationDesk|desk/i) },
  { id: 'hygiene', label: 'Hygiene Board', matches: named(/hygiene/i) },
  { id: 'kpis', label: 'KPIs', matches: named(/kpi/i) },
  { id: 'cadence', label: 'Review Cadence', matches: named(/cadence/i) },
  { id: 'plans', label: 'Account Plans', matches: named(/accountPlan|plan/i) },
  { id: 'maturity', label: 'Maturity Assessment', matches: named(/maturity/i) },
  { id: 'setup', label: 'PSMS Setup', matches: named(/psmsSetup/) }
];

export interface PageDefinition {
  id: string;
  label: string;
  record: boolean;
  components: string[];
}

export function pageDefinitions(bundles: readonly ComponentBundle[]): PageDefinition[] {
  return PAGE_RULES.map((rule) => ({
    id: rule.id,
    label: rule.label,
    record: rule.id === 'opportunity',
    components: bundles.filter(rule.matches).map((b) => b.name)
  }));
}

/** Components exposed on one object's record pages (not on every record page), by object. */
export function recordComponents(bundles: readonly ComponentBundle[]): Record<string, string[]> {
  const byObject: Record<string, string[]> = {};
  for (const bundle of bundles) {
    if (!bundle.exposed || !bundle.targets.includes('lightning__RecordPage')) continue;
    for (const object of bundle.objects) (byObject[object] ??= []).push(bundle.name);
  }
  return byObject;
}

export function pageRegistrySource(
  pages: readonly PageDefinition[],
  fallbackPath: string,
  byObject: Readonly<Record<string, string[]>> = {}
): string {
  const entries = pages.map((page) => {
    const components = page.components.length
      ? page.components.map(
          (name) => `{ name: ${JSON.stringify(name)}, load: () => import(${JSON.stringify(`c/${name}`)}) }`
        )
      : // A page whose component does not exist yet still renders, and says so.
        [`{ name: 'missing', load: () => import(${JSON.stringify(fallbackPath)}) }`];
    return `  { id: ${JSON.stringify(page.id)}, label: ${JSON.stringify(page.label)}, record: ${page.record}, components: [${components.join(', ')}] }`;
  });
  const records = Object.entries(byObject).map(
    ([object, names]) =>
      `  ${JSON.stringify(object)}: [${names
        .map(
          (name) => `{ name: ${JSON.stringify(name)}, load: () => import(${JSON.stringify(`c/${name}`)}) }`
        )
        .join(', ')}]`
  );
  return (
    `export const PAGES = [\n${entries.join(',\n')}\n];\n` +
    `export const RECORD_COMPONENTS = {\n${records.join(',\n')}\n};\n`
  );
}
