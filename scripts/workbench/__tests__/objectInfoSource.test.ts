import { join } from 'node:path';
import { objectInfos } from '../build/objectInfoSource';

/** What the workbench's lightning/uiObjectInfoApi answers, generated from force-app's metadata. */

const infos = objectInfos(join(__dirname, '..', '..', '..', 'force-app'));

describe('object descriptions for lightning/uiObjectInfoApi', () => {
  it("lists a picklist's values from its field or global value set", () => {
    expect(infos.Deal_Registration__c.picklists.Product_Line__c.map((v) => v.value)).toEqual(
      expect.arrayContaining(['Platform', 'Analytics', 'Security', 'Integration', 'Services'])
    );
    expect(infos.Account.picklists.Partner_Region__c).toEqual([
      { label: 'AMER', value: 'AMER' },
      { label: 'EMEA', value: 'EMEA' },
      { label: 'APAC', value: 'APAC' },
      { label: 'LATAM', value: 'LATAM' }
    ]);
  });

  it('labels fields as an org does, with their data types and what they point at', () => {
    expect(infos.Opportunity.fields.Amount).toMatchObject({ label: 'Amount', dataType: 'Currency' });
    expect(infos.Opportunity.fields.AccountId).toMatchObject({
      dataType: 'Reference',
      relationshipName: 'Account',
      referenceToInfos: [{ apiName: 'Account' }]
    });
    expect(infos.Partner_Deal__c.fields.Partner_Account__c).toMatchObject({
      label: 'Partner Account',
      dataType: 'Reference',
      relationshipName: 'Partner_Account__r',
      referenceToInfos: [{ apiName: 'Account' }]
    });
    expect(infos.Deal_Registration__c.fields.Expires_On__c.dataType).toBe('Date');
    expect(infos.Deal_Registration__c.fields.Submitted_On__c.dataType).toBe('DateTime');
    expect(infos.Registration_Dispute__c.fields.Name.label).toBe('Dispute Number');
    expect(infos.Account.fields.Partner_Region__c).toMatchObject({
      label: 'Partner Region',
      dataType: 'Picklist'
    });
  });

  it('names each object', () => {
    expect(infos.Deal_Registration__c.label).toBe('Deal Registration');
    expect(infos.Opportunity.label).toBe('Opportunity');
    expect(Object.keys(infos).some((name) => name.endsWith('__mdt'))).toBe(false);
  });
});
