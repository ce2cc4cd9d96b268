// Each validation rule of the package, evaluated from its formula in force-app by the formula
// library the local org runtime uses: a record that must be refused, and its nearest record
// that must be saved. A rule added without cases fails the first test.
import { join } from 'node:path';
import { loadDataModel } from '../../lib/forceAppModel';
import { formulaFieldResolver } from '../../lib/formulaFieldTypes';
import { readMetadataFile, text } from '../../lib/metadataXml';
import { compileFormula } from '../../org/formula';

const FORCE_APP = join(__dirname, '../../../force-app');
const model = loadDataModel(FORCE_APP);

type Values = Record<string, unknown>;
/** A saved self-assessment answering every practice (SPEC §8 levels 1–4). */
const ANSWERS: Values = {
  Data_Hygiene_Level__c: 1,
  Forecast_Cadence_Level__c: 2,
  Pipeline_Reviews_Level__c: 3,
  Account_Planning_Level__c: 4,
  Co_Sell_Level__c: 1,
  Deal_Registration_Level__c: 2,
  Recruitment_Level__c: 3,
  Enablement_Level__c: 4,
  Kpis_Level__c: 1,
  Leadership_Roll_Ups_Level__c: 2
};
/** A review action with everything it needs (SPEC §10). */
const ACTION: Values = {
  Subject__c: 'Get an executive sponsor',
  Owner__c: '005000000000001AAA',
  Due_On__c: '2026-04-30',
  Period__c: 'FY2026-Q2'
};
/** `refused` makes the rule fire (the save fails); each `saved` record passes it. */
const CASES: Record<string, { refused: Values[]; saved: Values[] }> = {
  'Deal_Registration__c.Amount_Not_Negative': {
    refused: [{ Estimated_Amount__c: -1 }],
    saved: [{ Estimated_Amount__c: 0 }, { Estimated_Amount__c: null }]
  },
  'Deal_Registration__c.Approved_Needs_Dates': {
    refused: [
      { Status__c: 'Approved', Approved_On__c: '2026-03-02', Expires_On__c: null },
      { Status__c: 'Converted', Approved_On__c: null, Expires_On__c: '2026-06-01' }
    ],
    saved: [
      { Status__c: 'Approved', Approved_On__c: '2026-03-02', Expires_On__c: '2026-05-31' },
      { Status__c: 'Submitted', Approved_On__c: null, Expires_On__c: null }
    ]
  },
  'Deal_Registration__c.Converted_Needs_Opportunity': {
    refused: [{ Status__c: 'Converted', Opportunity__c: null }],
    saved: [
      { Status__c: 'Converted', Opportunity__c: '006000000000001AAA' },
      { Status__c: 'Approved', Opportunity__c: null }
    ]
  },
  'Deal_Registration__c.Expiry_After_Approval': {
    refused: [
      { Approved_On__c: '2026-03-02', Expires_On__c: '2026-03-02' },
      { Approved_On__c: '2026-03-02', Expires_On__c: '2026-03-01' }
    ],
    saved: [
      { Approved_On__c: '2026-03-02', Expires_On__c: '2026-03-03' },
      { Approved_On__c: null, Expires_On__c: '2026-03-01' }
    ]
  },
  'Deal_Registration__c.Extension_Count_Not_Negative': {
    refused: [{ Extension_Count__c: -1 }],
    saved: [{ Extension_Count__c: 0 }, { Extension_Count__c: 1 }]
  },
  'Deal_Registration__c.Rejection_Needs_Reason': {
    refused: [{ Status__c: 'Rejected', Rejection_Reason__c: null }],
    saved: [
      { Status__c: 'Rejected', Rejection_Reason__c: 'Duplicate' },
      { Status__c: 'Approved', Rejection_Reason__c: null }
    ]
  },
  'Forecast_Submission__c.Calls_Not_Negative': {
    refused: [
      { Commit_Call__c: -5, Best_Case_Call__c: 10 },
      { Commit_Call__c: null, Best_Case_Call__c: -1 }
    ],
    saved: [
      { Commit_Call__c: 0, Best_Case_Call__c: 10 },
      { Commit_Call__c: null, Best_Case_Call__c: null }
    ]
  },
  'Forecast_Submission__c.Period_Format': {
    refused: [{ Period__c: '2026-Q4' }, { Period__c: 'FY2026-Q5' }, { Period__c: 'FY2026-Q4 ' }],
    saved: [{ Period__c: 'FY2026-Q4' }]
  },
  'Forecast_Submission__c.Week_In_Quarter': {
    refused: [{ Week__c: 0 }, { Week__c: 14 }],
    saved: [{ Week__c: 1 }, { Week__c: 13 }, { Week__c: null }]
  },
  'Maturity_Assessment__c.Answers_In_Range': {
    refused: [
      { ...ANSWERS, Kpis_Level__c: null },
      { ...ANSWERS, Data_Hygiene_Level__c: 0 },
      { ...ANSWERS, Leadership_Roll_Ups_Level__c: 5 }
    ],
    saved: [ANSWERS, { ...ANSWERS, Co_Sell_Level__c: 1, Enablement_Level__c: 4 }]
  },
  'Maturity_Assessment__c.Measured_Score_Range': {
    refused: [{ Measured_Score__c: 0.5 }, { Measured_Score__c: 4.01 }],
    saved: [{ Measured_Score__c: 1 }, { Measured_Score__c: 4 }, { Measured_Score__c: null }]
  },
  'Maturity_Assessment__c.Period_Format': {
    refused: [{ Period__c: '2026-Q2' }],
    saved: [{ Period__c: 'FY2026-Q2' }, { Period__c: null }]
  },
  'Opportunity_Snapshot__c.Period_Format': {
    refused: [{ Period__c: 'Q4-2026' }],
    saved: [{ Period__c: 'FY2027-Q1' }, { Period__c: null }]
  },
  'Partner_Account_Plan__c.Fiscal_Year_Format': {
    refused: [{ Fiscal_Year__c: '2026' }, { Fiscal_Year__c: 'FY26' }],
    saved: [{ Fiscal_Year__c: 'FY2026' }]
  },
  'Partner_Account_Plan__c.Goals_Not_Negative': {
    refused: [
      { Revenue_Goal__c: -1, Co_Sell_Goal__c: 0 },
      { Revenue_Goal__c: null, Co_Sell_Goal__c: -0.5 }
    ],
    saved: [
      { Revenue_Goal__c: 100000, Co_Sell_Goal__c: 0 },
      { Revenue_Goal__c: null, Co_Sell_Goal__c: null }
    ]
  },
  'Partner_Account_Plan__c.Next_Review_After_Last': {
    refused: [{ Last_Reviewed_On__c: '2026-03-10', Next_Review_On__c: '2026-03-09' }],
    saved: [
      { Last_Reviewed_On__c: '2026-03-10', Next_Review_On__c: '2026-03-10' },
      { Last_Reviewed_On__c: null, Next_Review_On__c: '2026-01-01' }
    ]
  },
  'Partner_Account_Plan__c.Satisfaction_Score_Range': {
    refused: [{ Satisfaction_Score__c: 0 }, { Satisfaction_Score__c: 11 }],
    saved: [{ Satisfaction_Score__c: 1 }, { Satisfaction_Score__c: 10 }, { Satisfaction_Score__c: null }]
  },
  'Partner_Target__c.Amounts_Not_Negative': {
    refused: [
      { Revenue_Target__c: -1, Recruitment_Target__c: 0, Program_Cost__c: 0 },
      { Revenue_Target__c: 1, Recruitment_Target__c: -2, Program_Cost__c: 0 },
      { Revenue_Target__c: 1, Recruitment_Target__c: 2, Program_Cost__c: -3 }
    ],
    saved: [
      { Revenue_Target__c: 500000, Recruitment_Target__c: 3, Program_Cost__c: 20000 },
      { Revenue_Target__c: null, Recruitment_Target__c: null, Program_Cost__c: null }
    ]
  },
  'Partner_Target__c.Period_Format': {
    refused: [{ Period__c: 'FY2026Q4' }],
    saved: [{ Period__c: 'FY2026-Q1' }]
  },
  'Registration_Dispute__c.Open_Has_No_Resolution': {
    refused: [{ Status__c: 'Open', Resolution__c: 'Partner' }],
    saved: [
      { Status__c: 'Open', Resolution__c: null },
      { Status__c: 'Resolved', Resolution__c: 'Direct' }
    ]
  },
  'Registration_Dispute__c.Resolved_Needs_Note': {
    refused: [
      { Status__c: 'Resolved', Resolution_Note__c: null },
      { Status__c: 'Resolved', Resolution_Note__c: '' }
    ],
    saved: [
      { Status__c: 'Resolved', Resolution_Note__c: 'Both partners keep a stake.' },
      { Status__c: 'Open', Resolution_Note__c: null }
    ]
  },
  'Registration_Dispute__c.Resolved_Needs_Resolution': {
    refused: [{ Status__c: 'Resolved', Resolution__c: null }],
    saved: [
      { Status__c: 'Resolved', Resolution__c: 'Co-Sell' },
      { Status__c: 'Open', Resolution__c: null }
    ]
  },
  'Review_Action__c.Period_Format': {
    refused: [{ Period__c: 'FY2026Q2' }],
    saved: [{ Period__c: 'FY2026-Q2' }, { Period__c: null }]
  },
  'Review_Action__c.Required_Fields': {
    refused: [
      { ...ACTION, Subject__c: null },
      { ...ACTION, Owner__c: null },
      { ...ACTION, Due_On__c: null },
      { ...ACTION, Period__c: '' }
    ],
    saved: [ACTION]
  }
};

const rules = [...model.objects.values()].flatMap((object) =>
  object.validationRules.map((rule) => {
    const file = join(
      FORCE_APP,
      'main/default/objects',
      object.name,
      'validationRules',
      `${rule}.validationRule-meta.xml`
    );
    return {
      object: object.name,
      rule,
      formula: text(readMetadataFile(file, 'ValidationRule'), 'errorConditionFormula') ?? ''
    };
  })
);

const key = (rule: { object: string; rule: string }): string => `${rule.object}.${rule.rule}`;

describe('the package validation rules', () => {
  it('each has cases here (a rule without them is listed as received)', () => {
    expect(rules.map(key).sort()).toEqual(Object.keys(CASES).sort());
  });

  describe.each(rules.filter((r) => CASES[key(r)]))('$object.$rule', (rule) => {
    const compiled = compileFormula(rule.formula, formulaFieldResolver(model, rule.object), 'checkbox');
    const { refused, saved } = CASES[key(rule)];
    const outcome = (values: Values) => compiled.evaluate({ value: (field) => values[field] ?? null });

    it.each(refused)('fires on %j', (values) => expect(outcome(values)).toBe(true));
    it.each(saved)('lets %j save', (values) => expect(outcome(values)).toBe(false));
  });
});
