// Each permission set must grant exactly what the README's security model says it grants: the table
// there is the reviewed statement of least privilege, and this test keeps the XML honest to it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { filesEnding, findDirs, loadDataModel } from '../../lib/forceAppModel';
import { children, flag, readMetadataFile, text, type XmlNode } from '../../lib/metadataXml';
import { STANDARD_OBJECTS } from '../../org/schema/standardObjects';

const ROOT = join(__dirname, '../../..');
const FORCE_APP = join(ROOT, 'force-app');
const DOC = readFileSync(join(ROOT, 'README.md'), 'utf8');
const model = loadDataModel(FORCE_APP);
const PERMISSION_SETS = ['PSMS_Partner_Rep', 'PSMS_Partner_Manager', 'PSMS_Leadership', 'PSMS_Admin'];

/** Rows of the first Markdown table whose header starts with `firstHeader`, as header → cell maps. */
function markdownTable(markdown: string, firstHeader: string): Record<string, string>[] {
  const lines = markdown.split('\n');
  const cells = (line: string) =>
    line
      .trim()
      .replace(/^\||\|$/g, '')
      .split('|')
      .map((c) => c.trim().replace(/`/g, ''));
  const start = lines.findIndex((line) => line.trim().startsWith('|') && cells(line)[0] === firstHeader);
  if (start < 0) throw new Error(`no table with header "${firstHeader}" in README.md`);
  const headers = cells(lines[start]);
  const rows: Record<string, string>[] = [];
  for (const line of lines.slice(start + 2)) {
    if (!line.trim().startsWith('|')) break;
    const row = cells(line);
    rows.push(Object.fromEntries(headers.map((h, i) => [h, row[i] ?? ''])));
  }
  return rows;
}

/** `CRE`, `R+VA`, `—` as the six flags of an object permission. */
function parseCell(cell: string) {
  const none = cell === '' || cell === '—' || cell === '-';
  const [crud, ...extras] = none ? [''] : cell.split('+');
  if (!/^C?R?E?D?$/.test(crud) || extras.some((e) => e !== 'VA' && e !== 'MA'))
    throw new Error(`bad permission cell "${cell}"`);
  return {
    allowCreate: crud.includes('C'),
    allowRead: crud.includes('R'),
    allowEdit: crud.includes('E'),
    allowDelete: crud.includes('D'),
    viewAllRecords: extras.includes('VA') || extras.includes('MA'),
    modifyAllRecords: extras.includes('MA')
  };
}
type ObjectAccess = ReturnType<typeof parseCell>;

function readPermissionSet(name: string): XmlNode {
  const [dir] = findDirs(FORCE_APP, 'permissionsets');
  return readMetadataFile(join(dir, `${name}.permissionset-meta.xml`), 'PermissionSet');
}

function objectAccess(node: XmlNode): ObjectAccess {
  return {
    allowCreate: flag(node, 'allowCreate'),
    allowRead: flag(node, 'allowRead'),
    allowEdit: flag(node, 'allowEdit'),
    allowDelete: flag(node, 'allowDelete'),
    viewAllRecords: flag(node, 'viewAllRecords'),
    modifyAllRecords: flag(node, 'modifyAllRecords')
  };
}

const table = markdownTable(DOC, 'object');

const LWC_DIR = join(FORCE_APP, 'main', 'default', 'lwc');

/** The components a page tab shows: its component, or those placed on its Lightning page. */
function tabComponents(tab: string): string[] {
  const [tabsDir] = findDirs(FORCE_APP, 'tabs');
  const definition = readMetadataFile(join(tabsDir, `${tab}.tab-meta.xml`), 'CustomTab');
  const component = text(definition, 'lwcComponent');
  if (component) return [component];
  const page = text(definition, 'flexiPage');
  if (!page) throw new Error(`tab ${tab} is neither a component nor a Lightning page tab`);
  const [pagesDir] = findDirs(FORCE_APP, 'flexipages');
  const source = readFileSync(join(pagesDir, `${page}.flexipage-meta.xml`), 'utf8');
  return [...source.matchAll(/<componentName>(?:c:)?([A-Za-z0-9_]+)<\/componentName>/g)].map((m) => m[1]);
}

/** The Lightning record pages and the PSMS components each places (standard ones are left out). */
function recordPages(): { page: string; object: string; components: string[] }[] {
  const [pagesDir] = findDirs(FORCE_APP, 'flexipages');
  return filesEnding(pagesDir, '.flexipage-meta.xml').flatMap((file) => {
    const source = readFileSync(file, 'utf8');
    const object = /<sobjectType>([^<]+)<\/sobjectType>/.exec(source)?.[1];
    if (!/<type>RecordPage<\/type>/.test(source) || !object) return [];
    const components = [...source.matchAll(/<componentName>(?:c:)?([A-Za-z0-9_]+)<\/componentName>/g)].map(
      (m) => m[1]
    );
    return [{ page: file.replace(/.*\//, ''), object, components }];
  });
}

/** The Apex classes a component calls, itself or through the c- components in its templates. */
function apexReachedBy(component: string, seen = new Set<string>()): string[] {
  if (seen.has(component)) return [];
  seen.add(component);
  const files = filesEnding(join(LWC_DIR, component), '.ts').concat(
    filesEnding(join(LWC_DIR, component), '.html')
  );
  const classes = new Set<string>();
  for (const file of files.filter((f) => !f.includes('__tests__'))) {
    const source = readFileSync(file, 'utf8');
    for (const m of source.matchAll(/@salesforce\/apex\/([A-Za-z0-9_]+)\./g)) classes.add(m[1]);
    for (const m of source.matchAll(/<c-([a-z0-9-]+)/g)) {
      const child = m[1].replace(/-([a-z0-9])/g, (_all, c: string) => c.toUpperCase());
      for (const name of apexReachedBy(child, seen)) classes.add(name);
    }
  }
  return [...classes].sort();
}
/** The page tabs (app pages and component tabs) and which sets show them. */
const pageTabs = markdownTable(DOC, 'tab');
/** Standard fields under field-level security that PSMS reads; every set grants them read-only. */
const standardFields = markdownTable(DOC, 'standard field').map((row) => row['standard field']);

describe('README security model', () => {
  it('has a row for every object PSMS declares or extends, and one column per permission set', () => {
    expect(table.map((row) => row.object).sort()).toEqual(
      [...model.objects.keys()].filter((name) => !name.endsWith('__mdt')).sort()
    );
    for (const row of table) expect(Object.keys(row)).toEqual(['object', ...PERMISSION_SETS]);
  });

  it('lists only standard fields that field-level security controls', () => {
    for (const name of standardFields) {
      const [objectName, fieldName] = name.split('.');
      const described = STANDARD_OBJECTS.find((o) => o.name === objectName)?.fields.find(
        (f) => f.name === fieldName
      );
      expect({ name, permissionable: described?.permissionable }).toEqual({ name, permissionable: true });
    }
  });
});

describe.each(PERMISSION_SETS)('%s', (setName) => {
  const set = readPermissionSet(setName);
  const granted = new Map(
    children(set, 'objectPermissions').map((p) => [text(p, 'object') ?? '', objectAccess(p)])
  );
  const expected = new Map(
    table
      .map((row) => [row.object, parseCell(row[setName])] as const)
      .filter(([, access]) => access.allowRead)
  );
  const fieldPermissions = children(set, 'fieldPermissions').map((p) => ({
    field: text(p, 'field') ?? '',
    editable: flag(p, 'editable'),
    readable: flag(p, 'readable')
  }));

  it('grants exactly the object permissions of its column in the table', () => {
    expect(Object.fromEntries(granted)).toEqual(Object.fromEntries(expected));
  });

  it('grants field access only on objects it can read, and edit only where it can create or edit', () => {
    for (const permission of fieldPermissions) {
      const [object] = permission.field.split('.');
      const access = granted.get(object);
      expect({ field: permission.field, readableObject: access?.allowRead ?? false }).toEqual({
        field: permission.field,
        readableObject: true
      });
      if (permission.editable) {
        expect({
          field: permission.field,
          writableObject: Boolean(access?.allowCreate || access?.allowEdit)
        }).toEqual({
          field: permission.field,
          writableObject: true
        });
      }
    }
  });

  it('lists every optional field of the objects it reads and the standard fields of the README, and no required or master-detail field', () => {
    const listed = fieldPermissions.map((p) => p.field).sort();
    const optional = [...granted.keys()].flatMap((objectName) =>
      [...(model.object(objectName)?.fields.values() ?? [])]
        .filter((f) => !f.implicit && !f.required)
        .map((f) => `${objectName}.${f.name}`)
    );
    expect(listed).toEqual([...optional, ...standardFields].sort());
  });

  it('reads the standard fields of the README and edits none of them', () => {
    const standard = fieldPermissions.filter((p) => standardFields.includes(p.field));
    expect(standard.map((p) => [p.field, p.readable, p.editable])).toEqual(
      standardFields.map((field) => [field, true, false])
    );
  });

  it('sees the Partner Sales app, the tabs of objects it reads only (and PSMS Setup if admin), and reads the settings types', () => {
    const apps = children(set, 'applicationVisibilities')
      .filter((a) => flag(a, 'visible'))
      .map((a) => text(a, 'application'));
    expect(apps).toEqual(['Partner_Sales']);
    const tabs = children(set, 'tabSettings').map((t) => text(t, 'tab') ?? '');
    for (const tab of tabs.filter((t) => model.object(t))) expect(granted.get(tab)?.allowRead).toBe(true);
    const metadataTypes = children(set, 'customMetadataTypeAccesses')
      .filter((a) => flag(a, 'enabled'))
      .map((a) => text(a, 'name'));
    expect(metadataTypes.sort()).toEqual([
      'Hygiene_Rule__mdt',
      'Maturity_Practice__mdt',
      'PSMS_Setting__mdt',
      'Review_Meeting__mdt'
    ]);
  });

  it('shows exactly the page tabs of its column in the README, each one whose components reach Apex it opens', () => {
    const settings = children(set, 'tabSettings').filter((t) => !model.object(text(t, 'tab') ?? ''));
    const documented = pageTabs.filter((row) => row[setName].startsWith('✓')).map((row) => row.tab);
    expect(settings.map((t) => [text(t, 'tab'), text(t, 'visibility')]).sort()).toEqual(
      documented.map((tab) => [tab, 'Visible']).sort()
    );
    const opened = new Set(
      children(set, 'classAccesses')
        .filter((c) => flag(c, 'enabled'))
        .map((c) => text(c, 'apexClass'))
    );
    for (const tab of documented) {
      for (const component of tabComponents(tab)) {
        const classes = apexReachedBy(component);
        // A component without Apex (none today) needs nothing; one with Apex must reach some of it.
        const reachable = classes.length === 0 || classes.some((c) => opened.has(c));
        expect({ tab, component, classes, reachable }).toEqual({ tab, component, classes, reachable: true });
      }
    }
  });

  it('reaches Apex it opens from every PSMS component on the record pages of objects it reads', () => {
    const opened = new Set(
      children(set, 'classAccesses')
        .filter((c) => flag(c, 'enabled'))
        .map((c) => text(c, 'apexClass'))
    );
    const pages = recordPages().filter((page) => granted.get(page.object)?.allowRead);
    expect(pages.length).toBeGreaterThan(0);
    for (const { page, components } of pages) {
      for (const component of components) {
        const classes = apexReachedBy(component);
        const reachable = classes.length === 0 || classes.some((c) => opened.has(c));
        expect({ page, component, classes, reachable }).toEqual({
          page,
          component,
          classes,
          reachable: true
        });
      }
    }
  });

  it('holds exactly the custom permissions the documentation assigns to it', () => {
    const documented = markdownTable(DOC, 'custom permission')
      .filter((row) =>
        row['granted to']
          .split(',')
          .map((s) => s.trim())
          .includes(setName)
      )
      .map((row) => row['custom permission']);
    const held = children(set, 'customPermissions')
      .filter((p) => flag(p, 'enabled'))
      .map((p) => text(p, 'name'));
    expect(held.sort()).toEqual(documented.sort());
  });

  it('opens exactly the Apex classes the documentation lists for it, and grants no system permission', () => {
    const documented = markdownTable(DOC, 'Apex class')
      .filter((row) => row[setName].startsWith('✓'))
      .map((row) => row['Apex class']);
    const opened = children(set, 'classAccesses')
      .filter((c) => flag(c, 'enabled'))
      .map((c) => text(c, 'apexClass'));
    expect(opened.sort()).toEqual(documented.sort());
    expect(children(set, 'userPermissions')).toEqual([]);
  });
});

describe('PSMS_Data_Load (temporary: the trigger bypass for the length of a data load)', () => {
  const set = readPermissionSet('PSMS_Data_Load');
  const granted = (element: string) => children(set, element);

  it('holds exactly the custom permissions the documentation assigns to it: the trigger bypass', () => {
    const documented = markdownTable(DOC, 'custom permission')
      .filter((row) =>
        row['granted to']
          .split(',')
          .map((s) => s.trim())
          .includes('PSMS_Data_Load')
      )
      .map((row) => row['custom permission']);
    expect(documented).toEqual(['PSMS_Bypass_Triggers']);
    expect(
      children(set, 'customPermissions')
        .filter((p) => flag(p, 'enabled'))
        .map((p) => text(p, 'name'))
    ).toEqual(documented);
  });

  it('grants nothing else, as the README says: no object, field, class, tab, app, settings or system permission', () => {
    for (const element of [
      'objectPermissions',
      'fieldPermissions',
      'classAccesses',
      'tabSettings',
      'applicationVisibilities',
      'customMetadataTypeAccesses',
      'userPermissions'
    ]) {
      expect({ element, granted: granted(element) }).toEqual({ element, granted: [] });
    }
    expect(DOC).toMatch(/`PSMS_Data_Load`\*\* — \*\*temporary\*\*[\s\S]*?grants \*\*nothing else\*\*/);
  });

  it('says it is temporary where admins assign it', () => {
    expect(text(set, 'label')).toContain('temporary');
    expect(text(set, 'description')).toMatch(/^TEMPORARY: .*remove/);
  });

  it('is the only set holding the bypass: no role set skips the triggers', () => {
    for (const setName of PERMISSION_SETS) {
      const held = children(readPermissionSet(setName), 'customPermissions').map((p) => text(p, 'name'));
      expect({ setName, bypass: held.includes('PSMS_Bypass_Triggers') }).toEqual({ setName, bypass: false });
    }
  });
});

describe('least privilege where it matters', () => {
  const editable = (setName: string, object: string) =>
    children(readPermissionSet(setName), 'fieldPermissions')
      .filter((p) => flag(p, 'editable') && (text(p, 'field') ?? '').startsWith(`${object}.`))
      .map((p) => (text(p, 'field') ?? '').slice(object.length + 1))
      .sort();

  it('a partner rep can describe the customer and deal but edits no decision, conflict or key field', () => {
    expect(editable('PSMS_Partner_Rep', 'Deal_Registration__c')).toEqual(
      [
        'End_Customer_Account__c',
        'End_Customer_Domain__c',
        'Estimated_Amount__c',
        'Expected_Close_Date__c'
      ].sort()
    );
  });
  it('nobody edits the trigger-maintained keys or the stamps of who decided and when', () => {
    for (const setName of PERMISSION_SETS) {
      const fields = [
        ...editable(setName, 'Deal_Registration__c').map((f) => `Deal_Registration__c.${f}`),
        ...editable(setName, 'Partner_Deal__c').map((f) => `Partner_Deal__c.${f}`),
        ...editable(setName, 'Registration_Dispute__c').map((f) => `Registration_Dispute__c.${f}`)
      ];
      for (const stamped of [
        'Deal_Registration__c.Registration_Key__c',
        'Deal_Registration__c.Normalized_Key__c',
        'Deal_Registration__c.Decided_By__c',
        'Deal_Registration__c.Decided_On__c',
        'Partner_Deal__c.Primary_Key__c',
        'Registration_Dispute__c.Resolved_By__c'
      ]) {
        expect(fields).not.toContain(stamped);
      }
    }
  });
  it('leadership changes nothing', () => {
    const set = readPermissionSet('PSMS_Leadership');
    expect(children(set, 'fieldPermissions').filter((p) => flag(p, 'editable'))).toEqual([]);
  });
  it('every granted custom permission is declared, with a description', () => {
    const [dir] = findDirs(FORCE_APP, 'customPermissions');
    const declared = filesEnding(dir, '.customPermission-meta.xml').map((file) => {
      const node = readMetadataFile(file, 'CustomPermission');
      expect(text(node, 'description')?.length).toBeGreaterThan(20);
      return file.split('/').pop()?.replace('.customPermission-meta.xml', '');
    });
    const granted = [...PERMISSION_SETS, 'PSMS_Data_Load'].flatMap((s) =>
      children(readPermissionSet(s), 'customPermissions').map((p) => text(p, 'name'))
    );
    for (const name of granted) expect(declared).toContain(name);
  });
});
