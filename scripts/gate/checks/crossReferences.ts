import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { count, type CheckResult, type Finding } from '../finding';
import {
  analyticsResolver,
  dashboardReferences,
  reportReferences,
  reportTypeReferences
} from '../metadata/analyticsReferences';
import { metadataTypeForFile } from '../metadata/metadataSchema';
import { readInventory, type Inventory } from '../metadata/projectInventory';
import { localName, parseXml, type XmlElement } from '../metadata/xmlTree';
import { loadProjectObjects } from '../schema/projectObjects';
import { mergeSchemas, type Schema } from '../schema/schema';
import { loadStandardObjects } from '../schema/standardObjects';
import { displayPath, lineAt, listFiles } from '../sourceFiles';

/**
 * Every name one piece of metadata uses for another resolves inside the package: permission
 * sets to objects, fields, classes, tabs and custom permissions; tabs and pages to
 * components; layouts and list views to fields; LWCs to Apex methods, labels and components.
 * A dangling reference otherwise fails the deploy, or worse, a page at run time.
 */
const SYSTEM_FIELDS = new Set(
  [
    'Id',
    'Name',
    'OwnerId',
    'CreatedById',
    'CreatedDate',
    'LastModifiedById',
    'LastModifiedDate',
    'RecordTypeId',
    'DeveloperName',
    'MasterLabel',
    'Label'
  ].map((f) => f.toLowerCase())
);

// Standard tabs that open a page rather than an object's records.
const STANDARD_PAGE_TABS = new Set([
  'home',
  'Chatter',
  'Feed',
  'report',
  'Dashboard',
  'File',
  'Forecasting3',
  'ProfilePlatformFeed'
]);

type Resolver = (kind: string, name: string) => string | undefined;

export function checkCrossReferences(projectDir: string): CheckResult {
  const inventory = readInventory(projectDir);
  const exists = resolver(inventory, projectDir);
  const findings: Finding[] = [];
  let references = 0;
  const root = join(projectDir, 'force-app');

  const report = (file: string, line: number, problem: string | undefined): void => {
    references++;
    if (problem) findings.push({ file: displayPath(projectDir, file), line, message: problem });
  };

  const metadataFiles = listFiles(root, ['-meta.xml']);
  for (const file of metadataFiles) {
    const type = metadataTypeForFile(basename(file));
    if (!type) continue;
    let xml: XmlElement;
    try {
      xml = parseXml(readFileSync(file, 'utf8'));
    } catch {
      continue; // metadataXml reports malformed files.
    }
    for (const [kind, name, line] of referencesIn(type, file, xml)) report(file, line, exists(kind, name));
  }

  const lwcSources = listFiles(root, ['.ts', '.html']).filter(
    (f) => f.includes(`${join('lwc', '')}`) && !f.endsWith('.d.ts')
  );
  for (const file of lwcSources) {
    const source = readFileSync(file, 'utf8');
    for (const [kind, name, offset] of lwcReferences(file, source))
      report(file, lineAt(source, offset), exists(kind, name));
  }
  return {
    summary: `${count(references, 'reference')} in ${count(metadataFiles.length + lwcSources.length, 'file')} resolved`,
    findings
  };
}

function resolver(inventory: Inventory, projectDir: string): Resolver {
  const standardObjectCache = new Map<string, ReturnType<typeof loadStandardObjects>>();
  const standardObject = (name: string) => {
    if (!standardObjectCache.has(name)) standardObjectCache.set(name, loadStandardObjects([name]));
    return standardObjectCache.get(name)?.get(name.toLowerCase());
  };
  const analytics = lazyAnalyticsResolver(projectDir);
  const objectExists = (name: string): boolean =>
    inventory.objects.has(name) || (!name.includes('__') && standardObject(name) !== undefined);
  const fieldExists = (object: string, field: string): boolean => {
    if (inventory.fields.has(`${object}.${field}`)) return true;
    if (field.includes('__')) return false;
    if (object.includes('__')) return inventory.objects.has(object) && SYSTEM_FIELDS.has(field.toLowerCase());
    const standard = standardObject(object);
    return (
      standard !== undefined &&
      (standard.fields.has(field.toLowerCase()) || standard.parents.has(field.toLowerCase()))
    );
  };

  return (kind, name) => {
    switch (kind) {
      case 'object':
        return objectExists(name) ? undefined : `object ${name} does not exist`;
      case 'field': {
        const [object, ...rest] = name.split('.');
        const field = rest.join('.');
        if (!objectExists(object)) return `field ${name}: object ${object} does not exist`;
        return fieldExists(object, field) ? undefined : `field ${name} does not exist`;
      }
      case 'class':
        return inventory.classes.has(name) ? undefined : `Apex class ${name} does not exist`;
      case 'apexMethod': {
        const [className, method] = name.split('.');
        const source = inventory.classes.get(className);
        if (source === undefined)
          return `Apex class ${className} does not exist (imported as @salesforce/apex/${name})`;
        const declared = new RegExp(`@AuraEnabled[^;{]*?\\bstatic\\b[^;{(]*\\b${method}\\s*\\(`, 'i').test(
          source
        );
        return declared ? undefined : `${className}.${method} is not an @AuraEnabled static method`;
      }
      case 'lwc':
        return inventory.lwc.has(name) ? undefined : `Lightning web component c/${name} does not exist`;
      case 'tab':
        if (name.startsWith('standard-')) {
          const target = name.slice('standard-'.length);
          return STANDARD_PAGE_TABS.has(target) || objectExists(target)
            ? undefined
            : `standard tab ${name} names no object`;
        }
        return inventory.tabs.has(name) ? undefined : `tab ${name} does not exist`;
      case 'flexipage':
        return inventory.flexipages.has(name) ? undefined : `FlexiPage ${name} does not exist`;
      case 'application':
        return inventory.applications.has(name) ? undefined : `application ${name} does not exist`;
      case 'customPermission':
        return inventory.customPermissions.has(name) ? undefined : `custom permission ${name} does not exist`;
      case 'label':
        return inventory.labels.has(name) ? undefined : `custom label ${name} does not exist`;
      case 'globalValueSet':
        return inventory.globalValueSets.has(name) ? undefined : `global value set ${name} does not exist`;
      case 'staticResource':
        return inventory.staticResources.has(name) ? undefined : `static resource ${name} does not exist`;
      default:
        return analytics()(kind, name);
    }
  };
}

/** Reports, report types and dashboards resolve against the project's objects over the standard ones. */
function lazyAnalyticsResolver(projectDir: string): () => Resolver {
  let resolve: Resolver | undefined;
  return () => {
    if (!resolve) {
      const project = loadProjectObjects(projectDir);
      const schema = mergeSchemas(loadStandardObjects([...project.keys()]), project);
      const withStandard: Schema = {
        object: (name) =>
          schema.object(name) ?? mergeSchemas(loadStandardObjects([name]), project).object(name)
      };
      resolve = analyticsResolver(join(projectDir, 'force-app'), withStandard);
    }
    return resolve;
  };
}

type Reference = [kind: string, name: string, line: number];

function* descendants(element: XmlElement, path: string[] = []): Generator<[string[], XmlElement]> {
  for (const child of element.children) {
    const childPath = [...path, localName(child.name)];
    yield [childPath, child];
    yield* descendants(child, childPath);
  }
}

function referencesIn(type: string, file: string, root: XmlElement): Reference[] {
  const refs: Reference[] = [];
  const objectOfFile = basename(join(file, '..', '..'));
  const add = (kind: string, name: string, element: XmlElement): void => {
    if (name) refs.push([kind, name, element.line]);
  };
  if (type === 'ReportType') return reportTypeReferences(file, root);
  if (type === 'Report') return reportReferences(file, root);
  if (type === 'Dashboard') return dashboardReferences(file, root);
  for (const [path, element] of descendants(root)) {
    const at = path.join('/');
    const text = element.text.trim();
    switch (type) {
      case 'PermissionSet':
        if (at === 'objectPermissions/object') add('object', text, element);
        if (at === 'fieldPermissions/field') add('field', text, element);
        if (at === 'classAccesses/apexClass') add('class', text, element);
        if (at === 'tabSettings/tab') add('tab', text, element);
        if (at === 'customPermissions/name') add('customPermission', text, element);
        if (at === 'customMetadataTypeAccesses/name') add('object', text, element);
        if (at === 'applicationVisibilities/application') add('application', text, element);
        break;
      case 'CustomTab':
        if (at === 'lwcComponent') add('lwc', text, element);
        if (at === 'flexiPage') add('flexipage', text, element);
        if (at === 'customObject' && text === 'true')
          add('object', basename(file).replace('.tab-meta.xml', ''), element);
        break;
      case 'CustomApplication':
        if (at === 'tabs') add('tab', text, element);
        if (at === 'utilityBar') add('flexipage', text, element);
        if (/^(actionOverrides|profileActionOverrides)\/content$/.test(at)) add('flexipage', text, element);
        break;
      case 'Layout':
        if (at.endsWith('layoutItems/field'))
          add('field', `${basename(file).split('-')[0]}.${text}`, element);
        // A custom related list is named by the child's lookup: Partner_Deal__c.Opportunity__c.
        if (at === 'relatedLists/relatedList' && text.includes('.')) add('field', text, element);
        break;
      case 'CompactLayout':
        if (at === 'fields') add('field', `${objectOfFile}.${text}`, element);
        break;
      case 'ListView':
        if ((at === 'columns' || at === 'filters/field') && text.endsWith('__c'))
          add('field', `${objectOfFile}.${text.split('.').pop()}`, element);
        break;
      case 'CustomField':
        if (at === 'referenceTo') add('object', text, element);
        if (at === 'valueSet/valueSetName') add('globalValueSet', text, element);
        break;
      case 'CustomObject':
        break;
      case 'CustomMetadata':
        if (at === 'values/field') add('field', `${basename(file).split('.')[0]}__mdt.${text}`, element);
        break;
      case 'FlexiPage':
        if (at.endsWith('componentInstance/componentName') && !text.includes(':')) add('lwc', text, element);
        if (at.endsWith('componentInstance/componentName') && text.startsWith('c:'))
          add('lwc', text.slice(2), element);
        if (at.endsWith('fieldInstance/fieldItem') && text.startsWith('Record.')) {
          const object = childSobject(root);
          if (object) add('field', `${object}.${text.slice('Record.'.length)}`, element);
        }
        break;
      default:
        break;
    }
  }
  return refs;
}

function childSobject(root: XmlElement): string | undefined {
  return root.children.find((c) => localName(c.name) === 'sobjectType')?.text.trim();
}

const LWC_PATTERNS: [RegExp, string, (m: RegExpExecArray) => string][] = [
  [/@salesforce\/apex\/([\w]+\.[\w]+)/g, 'apexMethod', (m) => m[1]],
  [/@salesforce\/label\/c\.(\w+)/g, 'label', (m) => m[1]],
  [/@salesforce\/resourceUrl\/(\w+)/g, 'staticResource', (m) => m[1]],
  [/@salesforce\/customPermission\/(\w+)/g, 'customPermission', (m) => m[1]],
  [/@salesforce\/schema\/(\w+\.\w+)/g, 'field', (m) => m[1]],
  [/from\s+['"]c\/(\w+)['"]/g, 'lwc', (m) => m[1]]
];

function lwcReferences(file: string, source: string): [string, string, number][] {
  const refs: [string, string, number][] = [];
  if (file.endsWith('.html')) {
    for (const m of source.matchAll(/<c-([a-z0-9-]+)/g)) {
      const name = m[1].replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
      refs.push(['lwc', name, m.index ?? 0]);
    }
    return refs;
  }
  for (const [pattern, kind, name] of LWC_PATTERNS) {
    for (const m of source.matchAll(pattern)) refs.push([kind, name(m as RegExpExecArray), m.index ?? 0]);
  }
  return refs;
}
