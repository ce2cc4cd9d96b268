import { join } from 'node:path';
import { checkFormulas } from '../checks/formulas';
import { checkTextValues } from '../checks/textValues';
import type { CheckResult } from '../finding';
import { DEFAULT, fixtureProject, invoiceModel, META, XML_DECLARATION } from './fixtureProject';

const PROJECT_ROOT = join(__dirname, '../../..');
const RULES = `${DEFAULT}/objects/Invoice__c/validationRules`;
const FIELDS = `${DEFAULT}/objects/Invoice__c/fields`;

function withProject(files: Record<string, string>, check: (dir: string) => CheckResult): CheckResult {
  const project = fixtureProject({ ...invoiceModel(), ...files });
  try {
    return check(project.dir);
  } finally {
    project.cleanup();
  }
}

/** A validation rule whose formula element is on line 5. */
const rule = (
  name: string,
  formula: string,
  message = 'Fix the total.'
): string => `${XML_DECLARATION}<ValidationRule ${META}>
    <fullName>${name}</fullName>
    <active>true</active>
    <errorConditionFormula>${formula}</errorConditionFormula>
    <errorMessage>${message}</errorMessage>
</ValidationRule>
`;

/** A formula field whose <formula> is on line 4. */
const formulaField = (
  name: string,
  type: string,
  formula: string
): string => `${XML_DECLARATION}<CustomField ${META}>
    <fullName>${name}</fullName>
    <formula>${formula}</formula>
    <label>${name}</label>
    <type>${type}</type>
</CustomField>
`;

const checkboxWithDefault = (
  name: string,
  defaultValue: string
): string => `${XML_DECLARATION}<CustomField ${META}>
    <fullName>${name}</fullName>
    <defaultValue>${defaultValue}</defaultValue>
    <label>${name}</label>
    <type>Checkbox</type>
</CustomField>
`;

describe('gate step Formulas', () => {
  it('accepts a validation rule, a formula field and a default value that type-check', () => {
    const result = withProject(
      {
        [`${RULES}/Negative_Total.validationRule-meta.xml`]: rule('Negative_Total', 'Total__c &lt; 0'),
        [`${FIELDS}/Is_Large__c.field-meta.xml`]: formulaField(
          'Is_Large__c',
          'Checkbox',
          'Total__c &gt;= 1000'
        ),
        [`${FIELDS}/Is_Paid__c.field-meta.xml`]: checkboxWithDefault('Is_Paid__c', 'false')
      },
      checkFormulas
    );
    expect(result.findings).toEqual([]);
    expect(result.summary).toBe(
      '3 formulas parsed and type-checked: 1 validation rule, 1 formula field, 1 default value'
    );
  });

  it.each([
    [
      'a formula the formatter broke',
      'Total__c &lt; = 0',
      'validation rule Broken: syntax error: "< =" is not an operator; write "<=" (a formatter may have inserted the space)'
    ],
    [
      'a rule that is not Boolean',
      'Total__c * 2',
      'validation rule Broken: a validation rule must return Checkbox (Boolean) (TRUE when the record is invalid); this one returns Number'
    ],
    ['an unknown field', 'Totl__c &lt; 0', 'validation rule Broken: unknown field Totl__c'],
    ['a misspelt function', 'ISBLNK(Total__c)', 'validation rule Broken: unknown function ISBLNK()']
  ])('fails on %s, with file:line', (_defect, formula, message) => {
    const result = withProject(
      { [`${RULES}/Broken.validationRule-meta.xml`]: rule('Broken', formula) },
      checkFormulas
    );
    expect(result.findings).toEqual([{ file: `${RULES}/Broken.validationRule-meta.xml`, line: 5, message }]);
  });

  it('fails on a formula field or default value of the wrong type', () => {
    const result = withProject(
      {
        [`${FIELDS}/Label__c.field-meta.xml`]: formulaField('Label__c', 'Text', 'Total__c + 1'),
        [`${FIELDS}/Is_Paid__c.field-meta.xml`]: checkboxWithDefault('Is_Paid__c', '0')
      },
      checkFormulas
    );
    expect(result.findings).toEqual([
      {
        file: `${FIELDS}/Is_Paid__c.field-meta.xml`,
        line: 4,
        message:
          'defaultValue of Is_Paid__c: the formula must return Checkbox (Boolean); this one returns Number'
      },
      {
        file: `${FIELDS}/Label__c.field-meta.xml`,
        line: 4,
        message: 'formula of Label__c: the formula must return Text; this one returns Number'
      }
    ]);
  });

  it('passes on the package itself', () => {
    const result = checkFormulas(PROJECT_ROOT);
    expect(result.findings).toEqual([]);
    expect(result.summary).toMatch(/^\d+ formulas parsed and type-checked: \d+ validation rules/);
  });
});

const labels = (value: string): string => `${XML_DECLARATION}<CustomLabels ${META}>
    <labels>
        <fullName>Bad_Period</fullName>
        <language>en_US</language>
        <protected>false</protected>
        <shortDescription>Bad period</shortDescription>
        <value>${value}</value>
    </labels>
</CustomLabels>
`;

const settingRecord = (
  value: string
): string => `${XML_DECLARATION}<CustomMetadata ${META} xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema">
    <label>Weekly call</label>
    <protected>false</protected>
    <values>
        <field>Meeting__c</field>
        <value xsi:type="xsd:string">${value}</value>
    </values>
</CustomMetadata>
`;

describe('gate step Text values', () => {
  it('accepts labels, messages and values written as they are meant', () => {
    const result = withProject(
      {
        [`${RULES}/Negative_Total.validationRule-meta.xml`]: rule(
          'Negative_Total',
          'Total__c &lt; 0',
          'Total must be &gt;= 0.'
        ),
        [`${DEFAULT}/labels/CustomLabels.labels-meta.xml`]: labels(
          'Write it as FY&lt;year&gt;-Q&lt;quarter&gt;, e.g. FY2026-Q4.'
        ),
        [`${DEFAULT}/customMetadata/Meeting.Weekly.md-meta.xml`]: settingRecord('Forecast &amp; Pipeline 1:1')
      },
      checkTextValues
    );
    expect(result.findings).toEqual([]);
  });

  it('fails on an operator split in a message', () => {
    const file = `${RULES}/Negative_Total.validationRule-meta.xml`;
    const result = withProject(
      { [file]: rule('Negative_Total', 'Total__c &lt; 0', 'Total must be &gt; = 0.') },
      checkTextValues
    );
    expect(result.findings).toEqual([
      { file, line: 6, message: '<errorMessage>: "> =" is an operator split by a space; write ">="' }
    ]);
  });

  it('fails on a padded label, naming each defect', () => {
    const file = `${DEFAULT}/labels/CustomLabels.labels-meta.xml`;
    const result = withProject(
      {
        [file]: labels('\n      Write it as FY &lt; year &gt; -Q &lt; quarter &gt; , e.g. FY2026-Q4.\n    ')
      },
      checkTextValues
    );
    expect(result.findings).toEqual([
      { file, line: 8, message: '<value> starts and ends with a line break' },
      {
        file,
        line: 8,
        message: '<value>: "< year >" is a placeholder padded by a formatter; write "<year>"'
      },
      { file, line: 8, message: '<value>: "> ," has a space before its punctuation; write ">,"' }
    ]);
  });

  it('fails on a custom metadata value that starts with a line break', () => {
    const file = `${DEFAULT}/customMetadata/Meeting.Weekly.md-meta.xml`;
    const result = withProject(
      { [file]: settingRecord('\n      Weekly Partner Team Call') },
      checkTextValues
    );
    expect(result.findings).toEqual([{ file, line: 7, message: '<value> starts with a line break' }]);
  });

  it('fails on a description reflowed over indented lines', () => {
    const file = `${DEFAULT}/objects/Invoice__c/fields/Note__c.field-meta.xml`;
    const field = `${XML_DECLARATION}<CustomField ${META}>
    <fullName>Note__c</fullName>
    <description>What the customer was told,
      wrapped by a formatter.</description>
    <label>Note</label>
    <length>255</length>
    <type>Text</type>
</CustomField>
`;
    const result = withProject({ [file]: field }, checkTextValues);
    expect(result.findings).toEqual([
      { file, line: 4, message: '<description> is reflowed: a line break followed by indentation' }
    ]);
  });

  it('passes on the package itself', () => {
    expect(checkTextValues(PROJECT_ROOT).findings).toEqual([]);
  });
});
