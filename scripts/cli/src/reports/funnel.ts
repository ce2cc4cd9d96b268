import {
  indexPartnerDeals,
  planAttainment,
  recruitmentFunnel,
  type Account,
  type Opportunity,
  type Partner_Account_Plan__c,
  type Partner_Deal__c
} from '../engine';
import { amount, count, days, ratio, text } from '../output/reportOutput';
import { load, periodFlag, requireSource, type ReportCommand } from './reportCommand';

/** `psms funnel --period P`: the recruitment funnel and every account plan's attainment (SPEC §12). */
export const funnelReport: ReportCommand = {
  name: 'funnel',
  summary: 'the partner recruitment funnel of a period and the attainment of every account plan',
  usage: 'psms funnel (--org <alias> | --data <dir>) [--period FY2026-Q4]',
  flags: [
    {
      name: 'period',
      kind: 'value',
      valueName: 'FYyyyy-Qn',
      description: 'the fiscal quarter (default: the one containing --today)'
    }
  ],
  needsData: true,
  async run(context) {
    const source = requireSource(context);
    const period = periodFlag(context);
    const accounts = await load<Account>(source, {
      object: 'Account',
      fields: [
        'Id',
        'Name',
        'Partner_Status__c',
        'Recruited_On__c',
        'Activated_On__c',
        'First_Revenue_On__c'
      ],
      where: [{ field: 'Partner_Status__c', op: 'notBlank' }]
    });
    const plans = await load<Partner_Account_Plan__c>(source, {
      object: 'Partner_Account_Plan__c',
      fields: [
        'Id',
        'Partner_Account__c',
        'Fiscal_Year__c',
        'Status__c',
        'Revenue_Goal__c',
        'Co_Sell_Goal__c',
        'Objectives__c',
        'Satisfaction_Score__c'
      ]
    });
    // Plans are measured over their own fiscal year: every won opportunity may count.
    const won = await load<Opportunity>(source, {
      object: 'Opportunity',
      fields: ['Id', 'Amount', 'CloseDate', 'IsClosed', 'IsWon'],
      where: [{ field: 'IsWon', op: 'is', value: true }]
    });
    const deals = await load<Partner_Deal__c>(source, {
      object: 'Partner_Deal__c',
      fields: ['Id', 'Opportunity__c', 'Partner_Account__c', 'Co_Sell__c', 'Is_Primary__c']
    });
    const startMonth = context.settings.fiscalYearStartMonth;
    const funnel = recruitmentFunnel({
      period: period.label,
      today: context.today,
      accounts,
      fiscalYearStartMonth: startMonth
    });
    const attainment = planAttainment({
      plans,
      opportunities: won,
      partners: indexPartnerDeals(deals),
      fiscalYearStartMonth: startMonth
    });
    const names = new Map(accounts.map((a) => [a.Id, a.Name ?? a.Id]));
    return {
      json: {
        recruited: funnel.recruited,
        activated: funnel.activated,
        firstRevenue: funnel.firstRevenue,
        byStatus: funnel.byStatus,
        medianDaysToActivate: funnel.medianDaysToActivate,
        medianDaysToFirstRevenue: funnel.medianDaysToFirstRevenue,
        stuck: funnel.stuck.map((partner) => partner.partnerId),
        plans: attainment.map(({ planId, partnerId, revenueAttainment, coSellAttainment }) => ({
          planId,
          partnerId,
          revenueAttainment,
          coSellAttainment
        }))
      },
      summary: [
        { label: 'Period', value: `${period.label} (${period.start} to ${period.end})`, kind: 'text' },
        { label: 'Median days recruited → activated', value: funnel.medianDaysToActivate, kind: 'days' },
        {
          label: 'Median days activated → first revenue',
          value: funnel.medianDaysToFirstRevenue,
          kind: 'days'
        }
      ],
      tables: [
        {
          title: `Recruitment funnel ${period.label}`,
          columns: [text('Stage reached in the period'), count('Partners')],
          rows: [
            ['Recruited', funnel.recruited],
            ['Activated', funnel.activated],
            ['First revenue', funnel.firstRevenue]
          ]
        },
        {
          title: 'Partners by status today',
          columns: [text('Status'), count('Partners')],
          rows: Object.entries(funnel.byStatus)
        },
        {
          title: `Stuck in onboarding (more than 90 days since recruited)`,
          columns: [text('Partner'), text('Name'), text('Recruited on'), days('Days')],
          rows: funnel.stuck.map((s) => [
            s.partnerId,
            names.get(s.partnerId) ?? s.partnerId,
            s.recruitedOn,
            s.days
          ])
        },
        {
          title: 'Account plans: goals and attainment',
          columns: [
            text('Plan'),
            text('Partner'),
            text('Fiscal year'),
            text('Status'),
            amount('Revenue'),
            amount('Revenue goal'),
            ratio('Revenue attainment'),
            count('Co-sell wins'),
            count('Co-sell goal'),
            ratio('Co-sell attainment'),
            count('Satisfaction')
          ],
          rows: attainment.map((p) => [
            p.planId,
            names.get(p.partnerId) ?? p.partnerId,
            p.fiscalYear,
            p.status,
            p.revenue,
            p.revenueGoal,
            p.revenueAttainment,
            p.coSellWins,
            p.coSellGoal,
            p.coSellAttainment,
            p.satisfaction
          ])
        }
      ],
      csvTable: 3
    };
  }
};
