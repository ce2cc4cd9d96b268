import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readMetadataFile, text, texts } from '../../lib/metadataXml';
import { routeOfTab } from '../browser/workbenchRoutes';
import type { ComponentBundle } from './componentCatalog';

/**
 * The workbench's pages, mirroring the org's: the Opportunity record page (the components
 * exposed on Opportunity record pages), then the page tabs of the Partner Sales app in its
 * order, each with the components its Lightning page places (or the component a component tab
 * shows). The server shows a signed-in user only the tabs their permission sets make visible.
 * Generated as a module of dynamic imports, so each page's code loads when it is first opened.
 */

export const APP = 'Partner_Sales';

export interface PageDefinition {
  /** The route: `#/<id>`; a tab's API name in lower case with dashes. */
  id: string;
  /** The CustomTab behind the page; null for the Opportunity record page. */
  tab: string | null;
  label: string;
  record: boolean;
  components: string[];
}

export function pageDefinitions(forceAppDir: string, bundles: readonly ComponentBundle[]): PageDefinition[] {
  const dir = join(forceAppDir, 'main', 'default');
  const app = readMetadataFile(join(dir, 'applications', `${APP}.app-meta.xml`), 'CustomApplication');
  const opportunity: PageDefinition = {
    id: 'opportunity',
    tab: null,
    label: 'Opportunity',
    record: true,
    components: bundles
      .filter(
        (b) =>
          b.exposed &&
          b.targets.includes('lightning__RecordPage') &&
          (b.objects.length === 0 || b.objects.includes('Opportunity'))
      )
      .map((b) => b.name)
  };
  const tabs = texts(app, 'tabs').flatMap((tab): PageDefinition[] => {
    const file = join(dir, 'tabs', `${tab}.tab-meta.xml`);
    // Standard tabs and object tabs are record lists in the org: the workbench has record pages only.
    if (!existsSync(file)) return [];
    const definition = readMetadataFile(file, 'CustomTab');
    const component = text(definition, 'lwcComponent');
    const flexiPage = text(definition, 'flexiPage');
    if (!component && !flexiPage) return [];
    const components = component
      ? [component]
      : pageComponents(join(dir, 'flexipages', `${flexiPage}.flexipage-meta.xml`));
    return [{ id: routeOfTab(tab), tab, label: text(definition, 'label') ?? tab, record: false, components }];
  });
  return [opportunity, ...tabs];
}

/** The components a Lightning page places, in the order of its regions. */
function pageComponents(file: string): string[] {
  return [
    ...readFileSync(file, 'utf8').matchAll(/<componentName>(?:c:)?([A-Za-z0-9_]+)<\/componentName>/g)
  ].map((m) => m[1]);
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
    return `  { id: ${JSON.stringify(page.id)}, tab: ${JSON.stringify(page.tab)}, label: ${JSON.stringify(page.label)}, record: ${page.record}, components: [${components.join(', ')}] }`;
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
