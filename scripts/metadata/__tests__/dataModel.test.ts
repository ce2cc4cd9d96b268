// SPEC §0 is the product's public interface: these API names and types are what reports,
// integrations and the CLI rely on. The table below is written from the spec, not from the
// metadata, so a renamed, retyped or missing field fails here.
import { join } from 'node:path';
import { loadDataModel, type FieldInfo } from '../../lib/forceAppModel';
import { formulaFieldResolver } from '../../lib/formulaFieldTypes';
import { compileFormula } from '../../org/formula';

const FORCE_APP = join(__dirname, '../../../force-app');
const model = loadDataModel(FORCE_APP);

type Expected = [field: string, type: string, detail?: string | string[]];
const PERIOD: Expected = ['Period__c', 'Text'];

const SPEC: Record<string, Expected[]> = {
  Account: [
    ['Partner_Status__c', 'Picklist', ['Prospect', 'Recruited', 'Onboarding', 'Active', 'Inactive']],
    ['Partner_Tier__c', 'Picklist', ['Registered', 'Silver', 'Gold', 'Platinum']],
    ['Recruited_On__c', 'Date'],
    ['Activated_On__c', 'Date'],
    ['First_Revenue_On__c', 'Date']
  ],
  Opportunity: [
    ['Product_Line__c', 'Picklist'],
    ['Validated_On__c', 'Date'],
    ['Validated_By__c', 'Lookup', 'User'],
    ['Help_Needed__c', 'Text']
  ],
  Partner_Deal__c: [
    ['Opportunity__c', 'MasterDetail', 'Opportunity'],
    ['Partner_Account__c', 'Lookup', 'Account'],
    ['Role__c', 'Picklist', ['Sourced', 'Co-Sell', 'Influenced', 'Resell', 'Referral']],
    ['Co_Sell__c', 'Checkbox'],
    ['Is_Primary__c', 'Checkbox'],
    ['Deal_Registration__c', 'Lookup', 'Deal_Registration__c'],
    ['Primary_Key__c', 'Text']
  ],
  Deal_Registration__c: [
    ['Partner_Account__c', 'Lookup', 'Account'],
    ['End_Customer_Account__c', 'Lookup', 'Account'],
    ['End_Customer_Name__c', 'Text'],
    ['End_Customer_Domain__c', 'Text'],
    ['Product_Line__c', 'Picklist'],
    ['Estimated_Amount__c', 'Currency'],
    ['Expected_Close_Date__c', 'Date'],
    [
      'Status__c',
      'Picklist',
      ['Draft', 'Submitted', 'Approved', 'Rejected', 'Needs Review', 'Converted', 'Expired', 'Withdrawn']
    ],
    ['Submitted_On__c', 'DateTime'],
    ['Decided_On__c', 'DateTime'],
    ['Approved_On__c', 'Date'],
    ['Expires_On__c', 'Date'],
    ['Extension_Count__c', 'Number'],
    [
      'Rejection_Reason__c',
      'Picklist',
      [
        'Duplicate',
        'Already registered',
        'Direct sales engaged',
        'Existing customer',
        'Insufficient information',
        'Outside territory',
        'Too early'
      ]
    ],
    ['Conflict_Type__c', 'Picklist', ['Duplicate', 'Already registered', 'Direct']],
    ['Conflicting_Registration__c', 'Lookup', 'Deal_Registration__c'],
    ['Conflicting_Opportunity__c', 'Lookup', 'Opportunity'],
    ['Opportunity__c', 'Lookup', 'Opportunity'],
    ['Normalized_Key__c', 'Text'],
    ['Registration_Key__c', 'Text']
  ],
  Registration_Dispute__c: [
    ['Deal_Registration__c', 'MasterDetail', 'Deal_Registration__c'],
    ['Raised_By__c', 'Lookup', 'User'],
    ['Reason__c', 'LongTextArea'],
    ['Status__c', 'Picklist', ['Open', 'Resolved']],
    ['Resolution__c', 'Picklist', ['Partner', 'Direct', 'Co-Sell']],
    ['Resolution_Note__c', 'LongTextArea'],
    ['Resolved_By__c', 'Lookup', 'User'],
    ['Resolved_On__c', 'DateTime']
  ],
  Partner_Account_Plan__c: [
    ['Partner_Account__c', 'Lookup', 'Account'],
    ['Fiscal_Year__c', 'Text'],
    ['Status__c', 'Picklist', ['Draft', 'Active', 'Closed']],
    ['Revenue_Goal__c', 'Currency'],
    // A number of won co-sold opportunities: plan attainment divides a count by it (SPEC §12).
    ['Co_Sell_Goal__c', 'Number'],
    ['Objectives__c', 'LongTextArea'],
    ['Last_Reviewed_On__c', 'Date'],
    ['Next_Review_On__c', 'Date'],
    ['Satisfaction_Score__c', 'Number']
  ],
  Partner_Target__c: [
    PERIOD,
    ['Partner_Account__c', 'Lookup', 'Account'],
    ['Manager__c', 'Lookup', 'User'],
    ['Revenue_Target__c', 'Currency'],
    ['Recruitment_Target__c', 'Number'],
    ['Program_Cost__c', 'Currency']
  ],
  Forecast_Submission__c: [
    PERIOD,
    ['Partner_Account__c', 'Lookup', 'Account'],
    ['Submitted_By__c', 'Lookup', 'User'],
    ['Submitted_On__c', 'DateTime'],
    ['Week__c', 'Number'],
    ['Commit_Call__c', 'Currency'],
    ['Best_Case_Call__c', 'Currency'],
    ['Note__c', 'LongTextArea'],
    ['Accepted_On__c', 'DateTime'],
    ['Accepted_By__c', 'Lookup', 'User']
  ],
  Opportunity_Snapshot__c: [
    ['Snapshot_Date__c', 'Date'],
    ['Opportunity__c', 'Lookup', 'Opportunity'],
    ['Opportunity_Key__c', 'Text'],
    PERIOD,
    ['Amount__c', 'Currency'],
    ['Forecast_Category__c', 'Picklist', ['Pipeline', 'Best Case', 'Commit', 'Closed', 'Omitted']],
    ['Stage__c', 'Text'],
    ['Close_Date__c', 'Date'],
    ['Is_Closed__c', 'Checkbox'],
    ['Is_Won__c', 'Checkbox'],
    ['Primary_Partner__c', 'Lookup', 'Account'],
    ['Owner__c', 'Lookup', 'User'],
    ['Snapshot_Key__c', 'Text']
  ],
  Review_Action__c: [
    ['Subject__c', 'Text'],
    ['Owner__c', 'Lookup', 'User'],
    ['Assigned_By__c', 'Lookup', 'User'],
    ['Meeting__c', 'Text'],
    PERIOD,
    ['Due_On__c', 'Date'],
    ['Status__c', 'Picklist', ['Open', 'Done']],
    ['Done_On__c', 'Date'],
    ['Opportunity__c', 'Lookup', 'Opportunity'],
    ['Partner_Account__c', 'Lookup', 'Account']
  ],
  Maturity_Assessment__c: [
    ['Assessed_On__c', 'Date'],
    ['Assessed_By__c', 'Lookup', 'User'],
    PERIOD,
    ...[
      'Data_Hygiene_Level__c',
      'Forecast_Cadence_Level__c',
      'Pipeline_Reviews_Level__c',
      'Account_Planning_Level__c',
      'Co_Sell_Level__c',
      'Deal_Registration_Level__c',
      'Recruitment_Level__c',
      'Enablement_Level__c',
      'Kpis_Level__c',
      'Leadership_Roll_Ups_Level__c'
    ].map((name): Expected => [name, 'Number']),
    ['Score__c', 'Number'],
    ['Measured_Score__c', 'Number']
  ],
  PSMS_Setting__mdt: [
    ['Protection_Days__c', 'Number'],
    ['Max_Extensions__c', 'Number'],
    ['Extension_Days__c', 'Number'],
    ['SLA_Hours__c', 'Number'],
    ['Expiring_Soon_Days__c', 'Number'],
    ['Fiscal_Start_Override__c', 'Number'],
    ['Retention_Quarters__c', 'Number'],
    ['Snapshot_Weekday__c', 'Picklist'],
    ['Hygiene_Target__c', 'Percent'],
    ['Unreliable_Below__c', 'Percent'],
    ['High_Weight__c', 'Number'],
    ['Medium_Weight__c', 'Number'],
    ['Low_Weight__c', 'Number']
  ],
  Hygiene_Rule__mdt: [
    ['Rule_Id__c', 'Text'],
    ['Active__c', 'Checkbox'],
    ['Severity__c', 'Picklist', ['high', 'medium', 'low']],
    ['Threshold__c', 'Number'],
    ['Threshold_2__c', 'Number'],
    ['Tier__c', 'Picklist', ['Registered', 'Silver', 'Gold', 'Platinum']],
    ['Weight__c', 'Number']
  ],
  Review_Meeting__mdt: [
    ['Meeting__c', 'Text'],
    ['Weeks__c', 'Text'],
    ['Audience__c', 'Text'],
    ['Agenda__c', 'LongTextArea'],
    ['Sort_Order__c', 'Number']
  ],
  Maturity_Practice__mdt: [
    ['Practice_Id__c', 'Text'],
    ['Question__c', 'LongTextArea'],
    ['Level_1__c', 'LongTextArea'],
    ['Level_2__c', 'LongTextArea'],
    ['Level_3__c', 'LongTextArea'],
    ['Level_4__c', 'LongTextArea'],
    ['Recommendation__c', 'LongTextArea'],
    ['Sort_Order__c', 'Number']
  ]
};

const cases = Object.entries(SPEC).flatMap(([object, fields]) =>
  fields.map(([field, type, detail]) => ({ object, field, type, detail }))
);

function field(object: string, name: string): FieldInfo {
  const found = model.object(object)?.fields.get(name); // exact case: API names are the contract
  if (!found) throw new Error(`${object}.${name} is missing from force-app`);
  return found;
}

describe('SPEC §0 data model', () => {
  it.each(cases)('$object.$field is a $type', ({ object, field: name, type, detail }) => {
    const f = field(object, name);
    expect(f.type).toBe(type);
    if (typeof detail === 'string') expect(f.referenceTo).toBe(detail);
    if (Array.isArray(detail)) expect(f.picklistValues).toEqual(detail);
    if (Array.isArray(detail)) expect(f.restricted).toBe(true);
  });

  it('Account.Partner_Region__c is a picklist of AMER, EMEA, APAC, LATAM that admins extend (not restricted)', () => {
    const region = field('Account', 'Partner_Region__c');
    expect(region.type).toBe('Picklist');
    expect(region.picklistValues).toEqual(['AMER', 'EMEA', 'APAC', 'LATAM']);
    expect(region.restricted).toBe(false);
  });

  it('declares every custom object of the spec, and no custom object outside it but the trigger bypass and the pipeline summary', () => {
    // PSMS_Trigger_Bypass__mdt is how admins switch trigger behaviours off for a data migration;
    // Pipeline_Summary__c is an index of the spec's records kept by the org (docs/scale.md), no new data.
    const outsideSpec = new Set(['PSMS_Trigger_Bypass__mdt', 'Pipeline_Summary__c']);
    const declared = [...model.objects.values()]
      .filter((o) => o.declared && !outsideSpec.has(o.name))
      .map((o) => o.name);
    expect(declared.sort()).toEqual(
      Object.keys(SPEC)
        .filter((name) => name.includes('__'))
        .sort()
    );
  });
});

describe('Maturity_Assessment__c.Score__c: the mean of the ten answers (SPEC §8), as a formula', () => {
  const score = field('Maturity_Assessment__c', 'Score__c');
  const compiled = compileFormula(
    score.formula ?? '',
    formulaFieldResolver(model, 'Maturity_Assessment__c'),
    'number'
  );
  const levels = [...(model.object('Maturity_Assessment__c')?.fields.keys() ?? [])].filter((name) =>
    name.endsWith('_Level__c')
  );
  const evaluate = (values: Record<string, number | null>) =>
    compiled.evaluate({ value: (name) => values[name] ?? null });

  it('averages the ten practice levels', () => {
    expect(levels).toHaveLength(10);
    const answers = Object.fromEntries(levels.map((name, i) => [name, (i % 4) + 1]));
    // 1+2+3+4+1+2+3+4+1+2 = 23 → 2.3
    expect(evaluate(answers)).toBeCloseTo(2.3, 10);
  });
  it('is blank while an answer is missing', () => {
    const answers = Object.fromEntries(levels.map((name) => [name, 3]));
    expect(evaluate({ ...answers, [levels[4]]: null })).toBeNull();
  });
});

describe('keys that the database enforces', () => {
  it('Registration_Key__c is unique and case-insensitive, 255 long: one active claim per customer and product line', () => {
    expect(field('Deal_Registration__c', 'Registration_Key__c')).toMatchObject({
      unique: true,
      caseSensitive: false,
      length: 255
    });
  });
  it('Normalized_Key__c is not unique: it is kept on inactive registrations too', () => {
    expect(field('Deal_Registration__c', 'Normalized_Key__c')).toMatchObject({ unique: false, length: 255 });
  });
  it('Primary_Key__c is unique, 18 long: one primary partner deal per opportunity', () => {
    expect(field('Partner_Deal__c', 'Primary_Key__c')).toMatchObject({ unique: true, length: 18 });
  });
  it('Snapshot_Key__c is a unique external id, 40 long: a re-run upserts instead of duplicating', () => {
    expect(field('Opportunity_Snapshot__c', 'Snapshot_Key__c')).toMatchObject({
      unique: true,
      externalId: true,
      required: true,
      length: 40
    });
  });
  it('Opportunity_Key__c and Period__c have the lengths of an id and of FY2026-Q4', () => {
    expect(field('Opportunity_Snapshot__c', 'Opportunity_Key__c').length).toBe(18);
    for (const object of ['Partner_Target__c', 'Forecast_Submission__c', 'Opportunity_Snapshot__c']) {
      expect(field(object, 'Period__c').length).toBe('FY2026-Q4'.length);
    }
  });
  it.each(['Account', 'Opportunity', ...Object.keys(SPEC).filter((o) => o.endsWith('__c'))])(
    '%s has a unique External_Id__c for the seed loader upserts',
    (object) => {
      expect(field(object, 'External_Id__c')).toMatchObject({ type: 'Text', externalId: true, unique: true });
    }
  );
});

describe('product line', () => {
  it('opportunities and registrations share the Product_Line global value set', () => {
    const opportunity = field('Opportunity', 'Product_Line__c');
    const registration = field('Deal_Registration__c', 'Product_Line__c');
    expect(opportunity.valueSetName).toBe('Product_Line');
    expect(registration.valueSetName).toBe('Product_Line');
    expect(opportunity.picklistValues).toEqual(
      expect.arrayContaining(['Platform', 'Analytics', 'Security', 'Integration', 'Services'])
    );
  });
});

describe('required fields', () => {
  it.each([
    ['Partner_Deal__c', 'Partner_Account__c'],
    ['Deal_Registration__c', 'Partner_Account__c'],
    ['Deal_Registration__c', 'Status__c'],
    ['Deal_Registration__c', 'Product_Line__c'],
    ['Registration_Dispute__c', 'Status__c'],
    ['Partner_Account_Plan__c', 'Partner_Account__c'],
    ['Partner_Target__c', 'Period__c'],
    ['Forecast_Submission__c', 'Period__c'],
    ['Forecast_Submission__c', 'Week__c'],
    ['Opportunity_Snapshot__c', 'Snapshot_Date__c'],
    ['Opportunity_Snapshot__c', 'Opportunity_Key__c']
  ])('%s.%s is required', (object, name) => {
    expect(field(object, name).required).toBe(true);
  });
  it.each([
    ['Partner_Target__c', 'Partner_Account__c'],
    ['Forecast_Submission__c', 'Partner_Account__c']
  ])('%s.%s stays optional: blank means the whole channel or team', (object, name) => {
    expect(field(object, name).required).toBe(false);
  });
});

describe('relationships', () => {
  const lookups = cases.filter((c) => c.type === 'Lookup').map((c) => field(c.object, c.field));
  it.each(lookups.map((f) => [f.name, f] as const))('%s declares a delete behaviour', (_name, f) => {
    expect(['Restrict', 'SetNull']).toContain(f.deleteConstraint);
    // A User lookup cannot restrict deletion, and a required lookup cannot be cleared.
    if (f.referenceTo === 'User') expect(f.deleteConstraint).toBe('SetNull');
    if (f.required) expect(f.deleteConstraint).toBe('Restrict');
  });
  it('partner deals and disputes are details of their opportunity and registration', () => {
    expect(model.object('Partner_Deal__c')?.sharingModel).toBe('ControlledByParent');
    expect(model.object('Registration_Dispute__c')?.sharingModel).toBe('ControlledByParent');
  });
  it('a blank partner on targets and calls cannot be produced by deleting the partner (Restrict)', () => {
    expect(field('Partner_Target__c', 'Partner_Account__c').deleteConstraint).toBe('Restrict');
    expect(field('Forecast_Submission__c', 'Partner_Account__c').deleteConstraint).toBe('Restrict');
  });
});

describe('field history (SPEC §6: every status change, decision, author and time is kept)', () => {
  it.each(['Deal_Registration__c', 'Registration_Dispute__c'])('%s tracks history', (object) => {
    expect(model.object(object)?.enableHistory).toBe(true);
  });
  it.each([
    ['Deal_Registration__c', 'Status__c'],
    ['Deal_Registration__c', 'Decided_On__c'],
    ['Deal_Registration__c', 'Rejection_Reason__c'],
    ['Deal_Registration__c', 'Approved_On__c'],
    ['Deal_Registration__c', 'Expires_On__c'],
    ['Deal_Registration__c', 'Partner_Account__c'],
    ['Registration_Dispute__c', 'Status__c'],
    ['Registration_Dispute__c', 'Resolution__c'],
    ['Registration_Dispute__c', 'Resolved_By__c']
  ])('%s.%s is tracked', (object, name) => {
    expect(field(object, name).trackHistory).toBe(true);
  });
  it('no object tracks more than the platform limit of 20 fields', () => {
    for (const object of model.objects.values()) {
      expect([...object.fields.values()].filter((f) => f.trackHistory).length).toBeLessThanOrEqual(20);
    }
  });
});

describe('the model loader', () => {
  it('finds objects and fields case-insensitively, keeping the metadata case', () => {
    expect(model.object('deal_registration__c')?.name).toBe('Deal_Registration__c');
    expect(model.field('DEAL_REGISTRATION__C', 'status__c')?.name).toBe('Status__c');
    expect(model.field('Deal_Registration__c', 'No_Such_Field__c')).toBeUndefined();
  });
  it('knows the implicit fields: Name and OwnerId on owned objects, no OwnerId on details, DeveloperName on metadata types', () => {
    expect(model.field('Deal_Registration__c', 'OwnerId')?.implicit).toBe(true);
    expect(model.field('Deal_Registration__c', 'Name')?.label).toBe('Registration Number');
    expect(model.field('Partner_Deal__c', 'OwnerId')).toBeUndefined();
    expect(model.field('Hygiene_Rule__mdt', 'DeveloperName')?.implicit).toBe(true);
  });
  it('marks standard objects the package only extends as not declared', () => {
    expect(model.object('Account')?.declared).toBe(false);
    expect(model.object('Deal_Registration__c')?.declared).toBe(true);
  });
});
