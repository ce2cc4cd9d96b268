import { join } from 'node:path';
import { loadDataModel } from '../../lib/forceAppModel';
import { formulaFieldResolver } from '../../lib/formulaFieldTypes';
import { DEFAULT, fixtureProject, invoiceModel, META, XML_DECLARATION } from './fixtureProject';

const field = (body: string): string => `${XML_DECLARATION}<CustomField ${META}>\n${body}\n</CustomField>\n`;

const FILES = {
  ...invoiceModel(),
  [`${DEFAULT}/objects/Invoice__c/fields/Customer__c.field-meta.xml`]: field(
    '    <fullName>Customer__c</fullName>\n    <label>Customer</label>\n    <referenceTo>Account</referenceTo>\n    <relationshipName>Invoices</relationshipName>\n    <type>Lookup</type>'
  ),
  [`${DEFAULT}/objects/Invoice__c/fields/Stage__c.field-meta.xml`]: field(
    '    <fullName>Stage__c</fullName>\n    <label>Stage</label>\n    <type>Picklist</type>\n    <valueSet>\n        <valueSetDefinition>\n            <value>\n                <fullName>Sent</fullName>\n                <default>false</default>\n                <label>Sent</label>\n            </value>\n        </valueSetDefinition>\n    </valueSet>'
  ),
  [`${DEFAULT}/objects/Account/fields/Tier__c.field-meta.xml`]: field(
    '    <fullName>Tier__c</fullName>\n    <label>Tier</label>\n    <length>20</length>\n    <type>Text</type>'
  )
};

describe('field types for formulas, from the package metadata and the standard field table', () => {
  const project = fixtureProject(FILES);
  afterAll(() => project.cleanup());
  const model = loadDataModel(join(project.dir, 'force-app'));
  const resolve = formulaFieldResolver(model, 'Invoice__c', {
    customPermissions: ['Approve_Invoices'],
    labels: ['Invoice_Title']
  });

  it.each([
    ['Total__c', { dataType: 'number', scale: 0 }],
    ['total__C', { dataType: 'number', scale: 0 }],
    ['Stage__c', { dataType: 'picklist', options: ['Sent'] }],
    ['Customer__c', { dataType: 'text' }],
    ['Name', { dataType: 'text' }],
    ['CreatedDate', { dataType: 'datetime' }],
    ['Customer__r.Tier__c', { dataType: 'text', length: 20 }],
    ['Customer__r.Type', { dataType: 'picklist' }],
    ['Customer__r.Owner.Manager.Email', { dataType: 'text' }],
    ['Owner.IsActive', { dataType: 'checkbox' }],
    ['$User.Title', { dataType: 'text' }],
    ['$Profile.Name', { dataType: 'text' }],
    ['$Permission.Approve_Invoices', { dataType: 'checkbox' }],
    ['$Label.Invoice_Title', { dataType: 'text' }]
  ])('%s is %j', (reference, type) => {
    expect(resolve(reference)).toMatchObject(type);
  });

  it.each([
    'Totl__c',
    'Customer__r.Nope__c',
    'Stage__r.Name',
    'Nobody.Name',
    '$Permission.Nope',
    '$Label.Nope',
    '$Setup.Config__c.Flag__c'
  ])('%s does not exist', (reference) => {
    expect(resolve(reference)).toBeUndefined();
  });

  it('reads the standard fields of a standard object the package only extends', () => {
    const onAccount = formulaFieldResolver(model, 'Account');
    expect(onAccount('Tier__c')).toMatchObject({ dataType: 'text' });
    expect(onAccount('AnnualRevenue')).toMatchObject({ dataType: 'number' });
    expect(onAccount('Parent.Name')).toMatchObject({ dataType: 'text' });
  });
});
