import { checkCrossReferences } from '../checks/crossReferences';
import { checkMetadataXml } from '../checks/metadataXml';
import { DEFAULT, fixtureProject, invoiceModel, META, XML_DECLARATION } from './fixtureProject';

function withProject<T>(files: Record<string, string>, check: (dir: string) => T): T {
  const project = fixtureProject({ ...invoiceModel(), ...files });
  try {
    return check(project.dir);
  } finally {
    project.cleanup();
  }
}

const permissionSet = (fields: string[]): string => `${XML_DECLARATION}<PermissionSet ${META}>
    <description>Invoices</description>
${fields.map((f) => `    <fieldPermissions>\n        <editable>false</editable>\n        <field>${f}</field>\n        <readable>true</readable>\n    </fieldPermissions>`).join('\n')}
    <hasActivationRequired>false</hasActivationRequired>
    <label>Invoice Reader</label>
</PermissionSet>
`;

const tab = (component: string): string => `${XML_DECLARATION}<CustomTab ${META}>
    <label>Invoices Home</label>
    <lwcComponent>${component}</lwcComponent>
    <motif>Custom20: Airplane</motif>
</CustomTab>
`;

describe('metadata XML lint against the Metadata API schema', () => {
  it('accepts well-formed files with known elements in order', () => {
    const result = withProject({}, checkMetadataXml);
    expect(result.findings).toEqual([]);
    expect(result.summary).toMatch(/^2 metadata files, \d+ elements checked/);
  });

  it('rejects a misspelt element in a field file and suggests the right one', () => {
    const field = `${XML_DECLARATION}<CustomField ${META}>
    <fullName>Status__c</fullName>
    <lable>Status</lable>
    <length>40</length>
    <type>Text</type>
</CustomField>
`;
    const result = withProject(
      { [`${DEFAULT}/objects/Invoice__c/fields/Status__c.field-meta.xml`]: field },
      checkMetadataXml
    );
    expect(result.findings).toEqual([
      {
        file: `${DEFAULT}/objects/Invoice__c/fields/Status__c.field-meta.xml`,
        line: 4,
        message: '<lable> is not an element of CustomField (did you mean <label>?)'
      }
    ]);
  });

  it('rejects malformed XML, elements out of order, bad booleans and missing required elements', () => {
    const messages = withProject(
      {
        [`${DEFAULT}/objects/Invoice__c/fields/Broken__c.field-meta.xml`]: `${XML_DECLARATION}<CustomField ${META}>\n    <label>Broken</label>\n</CustomFeld>\n`,
        [`${DEFAULT}/objects/Invoice__c/fields/Late__c.field-meta.xml`]: `${XML_DECLARATION}<CustomField ${META}>\n    <type>Checkbox</type>\n    <label>Late</label>\n    <defaultValue>false</defaultValue>\n    <required>maybe</required>\n</CustomField>\n`,
        [`${DEFAULT}/labels/CustomLabels.labels-meta.xml`]: `${XML_DECLARATION}<CustomLabels ${META}>\n    <labels>\n        <fullName>Greeting</fullName>\n        <value>Hello</value>\n    </labels>\n</CustomLabels>\n`
      },
      checkMetadataXml
    ).findings.map((f) => `${f.file.split('/').pop()}:${f.line}: ${f.message}`);
    expect(messages).toEqual([
      'CustomLabels.labels-meta.xml:3: CustomLabel requires <language>',
      'CustomLabels.labels-meta.xml:3: CustomLabel requires <protected>',
      'CustomLabels.labels-meta.xml:3: CustomLabel requires <shortDescription>',
      'Broken__c.field-meta.xml:4: malformed XML: closing tag </CustomFeld> does not match <CustomField> opened on line 2',
      'Late__c.field-meta.xml:4: <label> must come before <type> in CustomField',
      'Late__c.field-meta.xml:5: <defaultValue> must come before <type> in CustomField',
      'Late__c.field-meta.xml:6: <required> must come before <type> in CustomField',
      'Late__c.field-meta.xml:6: <required> must be true or false, not "maybe"'
    ]);
  });
});

describe('metadata cross-reference check', () => {
  it('accepts references that resolve', () => {
    const result = withProject(
      {
        [`${DEFAULT}/permissionsets/Invoice_Reader.permissionset-meta.xml`]: permissionSet([
          'Invoice__c.Total__c',
          'Account.Industry'
        ])
      },
      checkCrossReferences
    );
    expect(result.findings).toEqual([]);
    expect(result.summary).toBe('2 references in 3 files resolved');
  });

  it('rejects a permission set naming a missing field', () => {
    const result = withProject(
      {
        [`${DEFAULT}/permissionsets/Invoice_Reader.permissionset-meta.xml`]: permissionSet([
          'Invoice__c.Totl__c'
        ])
      },
      checkCrossReferences
    );
    expect(result.findings).toEqual([
      {
        file: `${DEFAULT}/permissionsets/Invoice_Reader.permissionset-meta.xml`,
        line: 6,
        message: 'field Invoice__c.Totl__c does not exist'
      }
    ]);
  });

  it('rejects a tab pointing at a missing component', () => {
    const result = withProject(
      { [`${DEFAULT}/tabs/Invoices_Home.tab-meta.xml`]: tab('invoicesHome') },
      checkCrossReferences
    );
    expect(result.findings).toEqual([
      {
        file: `${DEFAULT}/tabs/Invoices_Home.tab-meta.xml`,
        line: 4,
        message: 'Lightning web component c/invoicesHome does not exist'
      }
    ]);
  });

  it('rejects an LWC importing an Apex method, label or component that does not exist', () => {
    const source = [
      "import total from '@salesforce/apex/InvoiceController.total';",
      "import title from '@salesforce/label/c.Invoice_Title';",
      "import { format } from 'c/invoiceFormat';",
      'export { total, title, format };'
    ].join('\n');
    const messages = withProject(
      {
        [`${DEFAULT}/lwc/invoiceCard/invoiceCard.ts`]: source,
        [`${DEFAULT}/lwc/invoiceCard/invoiceCard.html`]:
          '<template><c-invoice-badge></c-invoice-badge></template>\n',
        [`${DEFAULT}/lwc/invoiceCard/invoiceCard.js-meta.xml`]: `${XML_DECLARATION}<LightningComponentBundle ${META}>\n    <apiVersion>65.0</apiVersion>\n    <isExposed>false</isExposed>\n</LightningComponentBundle>\n`
      },
      checkCrossReferences
    ).findings.map((f) => `${f.file.split('/').pop()}:${f.line}: ${f.message}`);
    expect(messages).toEqual([
      'invoiceCard.html:1: Lightning web component c/invoiceBadge does not exist',
      'invoiceCard.ts:1: Apex class InvoiceController does not exist (imported as @salesforce/apex/InvoiceController.total)',
      'invoiceCard.ts:2: custom label Invoice_Title does not exist',
      'invoiceCard.ts:3: Lightning web component c/invoiceFormat does not exist'
    ]);
  });
});

describe('standard tabs in an app', () => {
  const app = (tabs: string[]): string => `${XML_DECLARATION}<CustomApplication ${META}>
    <formFactors>Large</formFactors>
    <label>Invoices</label>
${tabs.map((t) => `    <tabs>${t}</tabs>`).join('\n')}
    <uiType>Lightning</uiType>
</CustomApplication>
`;

  it('accepts standard page tabs and standard object tabs, and rejects a standard tab naming nothing', () => {
    const messages = withProject(
      {
        [`${DEFAULT}/applications/Invoices.app-meta.xml`]: app([
          'standard-home',
          'standard-Opportunity',
          'standard-Nonsense'
        ])
      },
      checkCrossReferences
    ).findings.map((f) => `${f.line}: ${f.message}`);
    expect(messages).toEqual(['7: standard tab standard-Nonsense names no object']);
  });
});

describe('layouts', () => {
  const layout = (relatedList: string): string => `${XML_DECLARATION}<Layout ${META}>
    <layoutSections>
        <customLabel>false</customLabel>
        <detailHeading>false</detailHeading>
        <editHeading>true</editHeading>
        <label>Information</label>
        <layoutColumns>
            <layoutItems>
                <behavior>Edit</behavior>
                <field>Total__c</field>
            </layoutItems>
        </layoutColumns>
        <style>OneColumn</style>
    </layoutSections>
    <relatedLists>
        <relatedList>${relatedList}</relatedList>
    </relatedLists>
</Layout>
`;

  it('resolves a custom related list to the child lookup it is named by, and accepts standard lists', () => {
    const messages = (relatedList: string): string[] =>
      withProject(
        {
          [`${DEFAULT}/objects/Opportunity/fields/Invoice__c.field-meta.xml`]: `${XML_DECLARATION}<CustomField ${META}>\n    <fullName>Invoice__c</fullName>\n    <label>Invoice</label>\n    <referenceTo>Invoice__c</referenceTo>\n    <relationshipName>Opportunities</relationshipName>\n    <type>Lookup</type>\n</CustomField>\n`,
          [`${DEFAULT}/layouts/Invoice__c-Invoice Layout.layout-meta.xml`]: layout(relatedList)
        },
        checkCrossReferences
      ).findings.map((f) => `${f.line}: ${f.message}`);
    expect(messages('Opportunity.Invoice__c')).toEqual([]);
    expect(messages('RelatedNoteList')).toEqual([]);
    expect(messages('Opportunity.Invoices__c')).toEqual(['17: field Opportunity.Invoices__c does not exist']);
  });
});
