import { checkCrossReferences } from '../checks/crossReferences';
import { checkMetadataXml } from '../checks/metadataXml';
import { checkPackageConversion } from '../checks/packageConversion';
import { DEFAULT, fixtureProject, invoiceModel, META, numberField, XML_DECLARATION } from './fixtureProject';

/** Invoice__c (Total__c) with its lines (Invoice_Line__c, master-detail, child relationship Lines__r). */
function invoiceWithLines(): Record<string, string> {
  return {
    ...invoiceModel(),
    [`${DEFAULT}/objects/Invoice_Line__c/Invoice_Line__c.object-meta.xml`]: `${XML_DECLARATION}<CustomObject ${META}>
    <deploymentStatus>Deployed</deploymentStatus>
    <label>Invoice Line</label>
    <nameField>
        <label>Invoice Line Name</label>
        <type>Text</type>
    </nameField>
    <pluralLabel>Invoice Lines</pluralLabel>
    <sharingModel>ControlledByParent</sharingModel>
</CustomObject>
`,
    [`${DEFAULT}/objects/Invoice_Line__c/fields/Invoice__c.field-meta.xml`]: `${XML_DECLARATION}<CustomField ${META}>
    <fullName>Invoice__c</fullName>
    <label>Invoice</label>
    <referenceTo>Invoice__c</referenceTo>
    <relationshipName>Lines</relationshipName>
    <type>MasterDetail</type>
</CustomField>
`,
    [`${DEFAULT}/objects/Invoice_Line__c/fields/Amount__c.field-meta.xml`]: numberField('Amount__c')
  };
}

const reportType = (options: { relationship?: string; columns?: [string, string][] } = {}): string => {
  const columns = options.columns ?? [
    ['Invoice__c', 'Name'],
    ['Invoice__c', 'Total__c'],
    ['Invoice__c', 'Owner'],
    ['Invoice__c.Lines__r', 'Amount__c']
  ];
  return `${XML_DECLARATION}<ReportType ${META}>
    <baseObject>Invoice__c</baseObject>
    <category>other</category>
    <deployed>true</deployed>
    <join>
        <outerJoin>false</outerJoin>
        <relationship>${options.relationship ?? 'Lines__r'}</relationship>
    </join>
    <label>Invoices with Lines</label>
    <sections>
${columns.map(([table, field]) => `        <columns>\n            <checkedByDefault>true</checkedByDefault>\n            <field>${field}</field>\n            <table>${table}</table>\n        </columns>`).join('\n')}
        <masterLabel>Invoices</masterLabel>
    </sections>
</ReportType>
`;
};

const report = (
  options: { reportType?: string; columns?: string[]; format?: string } = {}
): string => `${XML_DECLARATION}<Report ${META}>
    <buckets>
        <bucketType>number</bucketType>
        <developerName>BucketField_Size</developerName>
        <masterLabel>Size</masterLabel>
        <nullTreatment>z</nullTreatment>
        <sourceColumnName>Invoice__c$Total__c</sourceColumnName>
        <values>
            <sourceValues>
                <to>1000</to>
            </sourceValues>
            <value>Small</value>
        </values>
    </buckets>
${(options.columns ?? ['Invoice__c$Name', 'Invoice__c.Lines__r$Amount__c']).map((c) => `    <columns>\n        <field>${c}</field>\n    </columns>`).join('\n')}
    <format>${options.format ?? 'Summary'}</format>
    <groupingsDown>
        <dateGranularity>Day</dateGranularity>
        <field>BucketField_Size</field>
        <sortOrder>Asc</sortOrder>
    </groupingsDown>
    <name>Invoice Totals</name>
    <reportType>${options.reportType ?? 'Invoices_with_Lines__c'}</reportType>
    <scope>organization</scope>
</Report>
`;

const dashboard = (reportName: string, column: string): string => `${XML_DECLARATION}<Dashboard ${META}>
    <backgroundEndColor>#FFFFFF</backgroundEndColor>
    <backgroundFadeDirection>Diagonal</backgroundFadeDirection>
    <backgroundStartColor>#FFFFFF</backgroundStartColor>
    <dashboardGridLayout>
        <dashboardGridComponents>
            <colSpan>6</colSpan>
            <columnIndex>0</columnIndex>
            <dashboardComponent>
                <chartSummary>
                    <aggregate>Sum</aggregate>
                    <column>${column}</column>
                </chartSummary>
                <componentType>Donut</componentType>
                <groupingColumn>BucketField_Size</groupingColumn>
                <report>${reportName}</report>
            </dashboardComponent>
            <rowIndex>0</rowIndex>
            <rowSpan>6</rowSpan>
        </dashboardGridComponents>
        <numberOfColumns>12</numberOfColumns>
        <rowHeight>36</rowHeight>
    </dashboardGridLayout>
    <dashboardType>LoggedInUser</dashboardType>
    <textColor>#000000</textColor>
    <title>Finance</title>
    <titleColor>#000000</titleColor>
    <titleSize>12</titleSize>
</Dashboard>
`;

const folder = (type: 'ReportFolder' | 'DashboardFolder'): string =>
  `${XML_DECLARATION}<${type} ${META}>\n    <name>Finance</name>\n</${type}>\n`;

/** A report type, a report folder with one report, a dashboard folder with one dashboard: all valid. */
function analytics(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    ...invoiceWithLines(),
    [`${DEFAULT}/reportTypes/Invoices_with_Lines.reportType-meta.xml`]: reportType(),
    [`${DEFAULT}/reports/Finance.reportFolder-meta.xml`]: folder('ReportFolder'),
    [`${DEFAULT}/reports/Finance/Invoice_Totals.report-meta.xml`]: report(),
    [`${DEFAULT}/dashboards/Finance.dashboardFolder-meta.xml`]: folder('DashboardFolder'),
    [`${DEFAULT}/dashboards/Finance/Finance.dashboard-meta.xml`]: dashboard(
      'Finance/Invoice_Totals',
      'Invoice__c.Lines__r$Amount__c'
    ),
    ...overrides
  };
}

function messages(files: Record<string, string>, check = checkCrossReferences): string[] {
  const project = fixtureProject(files);
  try {
    return check(project.dir).findings.map((f) => `${f.file.split('/').pop()}:${f.line}: ${f.message}`);
  } finally {
    project.cleanup();
  }
}

describe('report types, reports and dashboards: cross-references', () => {
  it('resolves a report type to its objects and fields, a report to its report type and columns, a dashboard to its reports', () => {
    expect(messages(analytics())).toEqual([]);
  });

  it('rejects a report type joining through a relationship the base object does not have', () => {
    expect(
      messages(
        analytics({
          [`${DEFAULT}/reportTypes/Invoices_with_Lines.reportType-meta.xml`]: reportType({
            relationship: 'Line__r'
          })
        })
      )
    ).toEqual([
      'Invoices_with_Lines.reportType-meta.xml:8: relationship Line__r of Invoice__c does not exist',
      // The line columns now name a table the join no longer reaches.
      'Invoices_with_Lines.reportType-meta.xml:29: report type Invoices_with_Lines: table Invoice__c.Lines__r is neither its base object nor one of its joins'
    ]);
  });

  it('rejects a report type column on a missing field or on a table outside its joins', () => {
    const type = reportType({
      columns: [
        ['Invoice__c', 'Totl__c'],
        ['Invoice__c.Items__r', 'Amount__c'],
        ['Invoice__c.Lines__r', 'Amount__c'],
        ['Invoice__c', 'Name']
      ]
    });
    expect(
      messages(
        analytics({
          [`${DEFAULT}/reportTypes/Invoices_with_Lines.reportType-meta.xml`]: type,
          [`${DEFAULT}/reports/Finance/Invoice_Totals.report-meta.xml`]: report()
        })
      )
    ).toEqual([
      'Invoices_with_Lines.reportType-meta.xml:14: report type Invoices_with_Lines: field Totl__c does not exist on Invoice__c (table Invoice__c)',
      'Invoices_with_Lines.reportType-meta.xml:19: report type Invoices_with_Lines: table Invoice__c.Items__r is neither its base object nor one of its joins',
      // The report's bucket reads Total__c, which the report type no longer offers.
      'Invoice_Totals.report-meta.xml:8: column Invoice__c$Total__c is not a column of report type Invoices_with_Lines__c'
    ]);
  });

  it('rejects a report naming a report type that does not exist', () => {
    expect(
      messages(
        analytics({
          [`${DEFAULT}/reports/Finance/Invoice_Totals.report-meta.xml`]: report({
            reportType: 'Invoice_Lines__c'
          })
        })
      )
    ).toEqual([
      'Invoice_Totals.report-meta.xml:29: report type Invoice_Lines__c does not exist (no reportTypes/Invoice_Lines.reportType-meta.xml)'
    ]);
  });

  it('rejects a report column its report type does not offer, but accepts its own buckets', () => {
    expect(
      messages(
        analytics({
          [`${DEFAULT}/reports/Finance/Invoice_Totals.report-meta.xml`]: report({
            columns: [
              'Invoice__c$Name',
              'Invoice__c.Lines__r$Amount__c',
              'Invoice__c$CreatedDate',
              'Invoice__c.Lines__r$Total__c'
            ]
          })
        })
      )
    ).toEqual([
      'Invoice_Totals.report-meta.xml:23: column Invoice__c$CreatedDate is not a column of report type Invoices_with_Lines__c',
      'Invoice_Totals.report-meta.xml:26: column Invoice__c.Lines__r$Total__c is not a column of report type Invoices_with_Lines__c'
    ]);
  });

  it('rejects a report in a folder without folder metadata', () => {
    const files = analytics();
    delete files[`${DEFAULT}/reports/Finance.reportFolder-meta.xml`];
    expect(messages(files)).toEqual([
      'Invoice_Totals.report-meta.xml:2: report folder Finance has no Finance.reportFolder-meta.xml'
    ]);
  });

  it('rejects a dashboard naming a missing report, or a column its report does not have', () => {
    expect(
      messages(
        analytics({
          [`${DEFAULT}/dashboards/Finance/Finance.dashboard-meta.xml`]: dashboard(
            'Finance/Invoice_Total',
            'RowCount'
          )
        })
      )
    ).toEqual(['Finance.dashboard-meta.xml:17: report Finance/Invoice_Total does not exist']);
    expect(
      messages(
        analytics({
          [`${DEFAULT}/dashboards/Finance/Finance.dashboard-meta.xml`]: dashboard(
            'Finance/Invoice_Totals',
            'Invoice__c$Total__c'
          )
        })
      )
    ).toEqual([
      'Finance.dashboard-meta.xml:13: report Finance/Invoice_Totals has no column, grouping or bucket Invoice__c$Total__c'
    ]);
  });
});

describe('report types, reports and dashboards: Metadata API schema and conversion', () => {
  it('the XML lint checks reports against the Report schema', () => {
    const badFormat = report({ format: 'Summery' }).replace(
      '    <scope>organization</scope>\n',
      '    <scope>organization</scope>\n    <description>Totals</description>\n'
    );
    expect(
      messages(
        analytics({ [`${DEFAULT}/reports/Finance/Invoice_Totals.report-meta.xml`]: badFormat }),
        checkMetadataXml
      )
    ).toEqual([
      'Invoice_Totals.report-meta.xml:22: <format> must be one of the ReportFormat values, not "Summery"',
      'Invoice_Totals.report-meta.xml:31: <description> must come before <scope> in Report'
    ]);
  });

  it('converts report types, folders, reports, dashboards and layouts into the metadata package', async () => {
    const layout = `${XML_DECLARATION}<Layout ${META}>
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
</Layout>
`;
    const project = fixtureProject(
      analytics({ [`${DEFAULT}/layouts/Invoice__c-Invoice Layout.layout-meta.xml`]: layout })
    );
    try {
      const result = await checkPackageConversion(project.dir);
      expect(result.findings).toEqual([]);
      for (const part of [
        '1 Dashboard',
        '1 DashboardFolder',
        '1 Layout',
        '1 Report,',
        '1 ReportFolder',
        '1 ReportType'
      ])
        expect(result.summary).toContain(part);
    } finally {
      project.cleanup();
    }
  });

  it('names a file that belongs to no component instead of leaving it out of the package', async () => {
    const project = fixtureProject(
      analytics({ [`${DEFAULT}/classes/InvoiceTotals.cls`]: 'public with sharing class InvoiceTotals {}\n' })
    );
    try {
      expect((await checkPackageConversion(project.dir)).findings).toEqual([
        {
          file: `${DEFAULT}/classes/InvoiceTotals.cls`,
          message:
            'belongs to no metadata component, so it would not be deployed or packaged (add it to .forceignore if that is meant)'
        }
      ]);
    } finally {
      project.cleanup();
    }
  });
});
