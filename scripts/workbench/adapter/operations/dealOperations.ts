import { registrationKey } from '../../../../force-app/main/default/lwc/psmsEngine/registrationKey';
import type { Deal_Registration__c } from '../../../../force-app/main/default/lwc/psmsEngine/records';
import type { AdapterContext } from '../adapterContext';
import { withOpportunityNames, withPartnerNames, withRegistrationNames } from '../recordShapes';
import { insertRecord, inTransaction, select, selectById, selectIn, updateRecord } from '../recordStore';
import { storeSubmission } from '../registrationStore';
import { badRequest, conflict, notFound } from '../requestError';
import {
  asBody,
  nested,
  optionalDate,
  optionalNumber,
  optionalRecordId,
  optionalString,
  recordIdOf,
  requiredBoolean,
  requiredString,
  oneOf
} from '../validateRequest';
import { picklistValues } from '../picklists';

/** PartnerDealsController: the partners on an opportunity, co-sell, and registering the deal (SPEC §2, §6). */

function opportunityOrFail(ctx: AdapterContext, id: string): Psms.Opportunity {
  const opp = selectById<Psms.Opportunity>(ctx.demo, 'Opportunity', id);
  if (!opp) throw notFound(`No opportunity ${id}.`);
  return opp;
}

function partnerOrFail(ctx: AdapterContext, id: string): Psms.Account {
  const account = selectById<Psms.Account>(ctx.demo, 'Account', id);
  if (!account || !account.Partner_Status__c) throw notFound(`No partner account ${id}.`);
  return account;
}

export function getDealPartners(ctx: AdapterContext, raw: unknown): Psms.DealResponse {
  const opportunityId = recordIdOf(asBody(raw, ['opportunityId']), 'opportunityId');
  const opportunity = opportunityOrFail(ctx, opportunityId);
  const partnerDeals = withPartnerNames(
    ctx,
    select<Psms.PartnerDeal>(ctx.demo, 'Partner_Deal__c', 'Opportunity__c = ?', [opportunityId], 'Name')
  );
  const linked = partnerDeals.map((d) => d.Deal_Registration__c).filter((id): id is string => !!id);
  // The registrations on this deal: linked to it, conflicting with it, or for its customer and product line.
  const registrations = select<Psms.Registration>(
    ctx.demo,
    'Deal_Registration__c',
    `Opportunity__c = ? OR Conflicting_Opportunity__c = ? OR (End_Customer_Account__c = ? AND Product_Line__c = ?) OR Id IN (${linked.map(() => '?').join(', ') || "''"})`,
    [opportunityId, opportunityId, opportunity.AccountId ?? '', opportunity.Product_Line__c ?? '', ...linked],
    'Submitted_On__c'
  );
  const partnerIds = [...new Set(partnerDeals.map((d) => d.Partner_Account__c))];
  return {
    opportunity: withOpportunityNames(ctx, [opportunity])[0],
    partnerDeals,
    registrations: withRegistrationNames(ctx, registrations),
    partners: selectIn<Psms.Account>(ctx.demo, 'Account', 'Id', partnerIds),
    plans: selectIn<Psms.AccountPlan>(ctx.demo, 'Partner_Account_Plan__c', 'Partner_Account__c', partnerIds),
    today: ctx.today()
  };
}

export function addPartnerDeal(ctx: AdapterContext, raw: unknown): Psms.PartnerDeal {
  const body = asBody(raw, ['opportunityId', 'partnerAccountId', 'role', 'coSell', 'isPrimary']);
  const opportunityId = recordIdOf(body, 'opportunityId');
  const partnerAccountId = recordIdOf(body, 'partnerAccountId');
  const role = oneOf(body, 'role', picklistValues(ctx, 'Partner_Deal__c', 'Role__c'));
  const coSell = requiredBoolean(body, 'coSell');
  const isPrimary = requiredBoolean(body, 'isPrimary');
  return inTransaction(ctx.demo, () => {
    opportunityOrFail(ctx, opportunityId);
    const partner = partnerOrFail(ctx, partnerAccountId);
    const deals = select<Psms.PartnerDeal>(ctx.demo, 'Partner_Deal__c', 'Opportunity__c = ?', [
      opportunityId
    ]);
    if (deals.some((d) => d.Partner_Account__c === partnerAccountId)) {
      throw conflict(`${partner.Name ?? 'This partner'} is already on this opportunity.`);
    }
    // At most one primary partner deal per opportunity (SPEC §2); the unique Primary_Key__c backs it.
    if (isPrimary && deals.some((d) => d.Is_Primary__c))
      throw conflict('This opportunity already has a primary partner.');
    const deal = insertRecord<Psms.PartnerDeal>(ctx.demo, 'Partner_Deal__c', {
      Opportunity__c: opportunityId,
      Partner_Account__c: partnerAccountId,
      Role__c: role,
      Co_Sell__c: coSell || role === 'Co-Sell',
      Is_Primary__c: isPrimary,
      Primary_Key__c: isPrimary ? opportunityId : null
    });
    return withPartnerNames(ctx, [deal])[0];
  });
}

export function setCoSell(ctx: AdapterContext, raw: unknown): Psms.PartnerDeal {
  const body = asBody(raw, ['partnerDealId', 'coSell']);
  const partnerDealId = recordIdOf(body, 'partnerDealId');
  const coSell = requiredBoolean(body, 'coSell');
  return inTransaction(ctx.demo, () => {
    if (!selectById(ctx.demo, 'Partner_Deal__c', partnerDealId))
      throw notFound(`No partner deal ${partnerDealId}.`);
    return withPartnerNames(ctx, [
      updateRecord<Psms.PartnerDeal>(ctx.demo, 'Partner_Deal__c', partnerDealId, { Co_Sell__c: coSell })
    ])[0];
  });
}

export function searchPartners(ctx: AdapterContext, raw: unknown): Psms.PartnerSearchResponse {
  const term = optionalString(asBody(raw, ['term']), 'term', 80) ?? '';
  // LIKE wildcards typed by the user are matched literally, as SOQL's escaped LIKE does.
  const pattern = `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return select<Psms.Account>(
    ctx.demo,
    'Account',
    "Partner_Status__c IS NOT NULL AND Name LIKE ? ESCAPE '\\'",
    [pattern],
    'Name LIMIT 20'
  );
}

export function getConflictCandidates(ctx: AdapterContext, raw: unknown): Psms.ConflictCandidatesResponse {
  const body = asBody(raw, ['normalizedKey', 'endCustomerAccountId', 'productLine']);
  const key = requiredString(body, 'normalizedKey');
  const accountId = optionalRecordId(body, 'endCustomerAccountId');
  const productLine = optionalString(body, 'productLine');
  const registrations = select<Psms.Registration>(
    ctx.demo,
    'Deal_Registration__c',
    'Normalized_Key__c = ? COLLATE NOCASE OR Registration_Key__c = ? COLLATE NOCASE',
    [key, key],
    'Submitted_On__c'
  );
  const opportunities = accountId
    ? select<Psms.Opportunity>(
        ctx.demo,
        'Opportunity',
        `AccountId = ? AND IsClosed = 0${productLine ? ' AND Product_Line__c = ?' : ''}`,
        productLine ? [accountId, productLine] : [accountId]
      )
    : [];
  return {
    registrations: withRegistrationNames(ctx, registrations),
    opportunities: withOpportunityNames(ctx, opportunities),
    partnerDeals: withPartnerNames(
      ctx,
      selectIn<Psms.PartnerDeal>(
        ctx.demo,
        'Partner_Deal__c',
        'Opportunity__c',
        opportunities.map((o) => o.Id)
      )
    )
  };
}

const REGISTRATION_FIELDS = [
  'Partner_Account__c',
  'End_Customer_Account__c',
  'End_Customer_Name__c',
  'End_Customer_Domain__c',
  'Product_Line__c',
  'Estimated_Amount__c',
  'Expected_Close_Date__c',
  'Opportunity__c'
] as const;

export function submitRegistrationOperation(ctx: AdapterContext, raw: unknown): Psms.RegistrationResponse {
  const fields = nested(asBody(raw, ['registration']), 'registration', REGISTRATION_FIELDS);
  const productLine = optionalString(fields, 'Product_Line__c');
  if (
    productLine !== null &&
    !picklistValues(ctx, 'Deal_Registration__c', 'Product_Line__c').includes(productLine)
  ) {
    throw badRequest(
      `"Product_Line__c" must be one of: ${picklistValues(ctx, 'Deal_Registration__c', 'Product_Line__c').join(', ')}.`
    );
  }
  const submission: Deal_Registration__c = {
    Partner_Account__c: recordIdOf(fields, 'Partner_Account__c'),
    End_Customer_Account__c: optionalRecordId(fields, 'End_Customer_Account__c'),
    End_Customer_Name__c: optionalString(fields, 'End_Customer_Name__c'),
    End_Customer_Domain__c: optionalString(fields, 'End_Customer_Domain__c'),
    Product_Line__c: productLine,
    Estimated_Amount__c: optionalNumber(fields, 'Estimated_Amount__c', { min: 0 }),
    Expected_Close_Date__c: optionalDate(fields, 'Expected_Close_Date__c'),
    Opportunity__c: optionalRecordId(fields, 'Opportunity__c'),
    Status__c: 'Draft',
    Submitted_On__c: ctx.now(),
    Extension_Count__c: 0
  };
  if (registrationKey(submission) === null)
    throw badRequest('Give the end customer: a company name or a web domain.');
  partnerOrFail(ctx, submission.Partner_Account__c);
  if (
    submission.End_Customer_Account__c &&
    !selectById(ctx.demo, 'Account', submission.End_Customer_Account__c)
  ) {
    throw notFound(`No account ${submission.End_Customer_Account__c}.`);
  }
  if (submission.Opportunity__c) opportunityOrFail(ctx, submission.Opportunity__c);
  return withRegistrationNames(ctx, [storeSubmission(ctx, submission)])[0];
}
