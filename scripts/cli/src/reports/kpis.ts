import {
  computeKpis,
  indexPartnerDeals,
  type Account,
  type Opportunity,
  type Partner_Deal__c,
  type Partner_Target__c
} from '../engine';
import { count, text, type Cell, type ColumnKind } from '../output/reportOutput';
import { load, periodFlag, requireSource, type ReportCommand } from './reportCommand';

/** `psms kpis --period P`: the partner KPIs of SPEC §7. */
export const kpisReport: ReportCommand = {
  name: 'kpis',
  summary: 'the partner KPIs of a period',
  usage: 'psms kpis (--org <alias> | --data <dir>) [--period FY2026-Q4]',
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
      fields: ['Id', 'Partner_Status__c', 'Recruited_On__c', 'First_Revenue_On__c'],
      where: [{ field: 'Partner_Status__c', op: 'notBlank' }]
    });
    const opportunities = await load<Opportunity>(source, {
      object: 'Opportunity',
      fields: ['Id', 'Amount', 'CloseDate', 'ForecastCategoryName', 'IsClosed', 'IsWon', 'CreatedDate'],
      where: [{ field: 'CloseDate', op: 'between', from: period.start, to: period.end }]
    });
    const deals = await load<Partner_Deal__c>(source, {
      object: 'Partner_Deal__c',
      fields: ['Id', 'Opportunity__c', 'Partner_Account__c', 'Role__c', 'Co_Sell__c', 'Is_Primary__c']
    });
    const targets = await load<Partner_Target__c>(source, {
      object: 'Partner_Target__c',
      fields: [
        'Period__c',
        'Partner_Account__c',
        'Manager__c',
        'Revenue_Target__c',
        'Recruitment_Target__c',
        'Program_Cost__c'
      ],
      where: [{ field: 'Period__c', op: 'in', values: [period.label] }]
    });
    const k = computeKpis({
      period: period.label,
      accounts,
      opportunities,
      partners: indexPartnerDeals(deals),
      targets,
      fiscalYearStartMonth: context.settings.fiscalYearStartMonth
    });
    // Metric, overall value, partner channel, direct; each row has its own number format.
    const rows: [string, ColumnKind, Cell, Cell, Cell][] = [
      ['Partner recruitment rate', 'ratio', k.recruitmentRate, null, null],
      ['Recruited vs target', 'ratio', k.recruitmentVsTarget, null, null],
      ['Activation rate', 'ratio', k.activationRate, null, null],
      ['Time to first revenue, median (days)', 'days', k.timeToFirstRevenue.median, null, null],
      ['Time to first revenue, mean (days)', 'days', k.timeToFirstRevenue.mean, null, null],
      ['Partners with first revenue', 'count', k.timeToFirstRevenue.n, null, null],
      ['Co-sell share (count)', 'ratio', k.coSellShare.count, null, null],
      ['Co-sell share (amount)', 'ratio', k.coSellShare.amount, null, null],
      ['Partner-sourced share', 'ratio', k.partnerSourcedShare, null, null],
      ['Forecast attainment', 'ratio', k.attainment, null, null],
      ['Win rate (count)', 'ratio', null, k.winRate.partner.count, k.winRate.direct.count],
      ['Win rate (amount)', 'ratio', null, k.winRate.partner.amount, k.winRate.direct.amount],
      ['Average deal size', 'amount', null, k.avgDealSize.partner, k.avgDealSize.direct],
      ['Sales cycle (days)', 'days', null, k.salesCycleDays.partner, k.salesCycleDays.direct],
      ['Pipeline coverage', 'multiple', k.coverage, null, null],
      ['Partner program ROI', 'ratio', k.programRoi, null, null]
    ];
    return {
      json: {
        recruitmentRate: k.recruitmentRate,
        activationRate: k.activationRate,
        timeToFirstRevenue: k.timeToFirstRevenue,
        coSellShare: k.coSellShare,
        partnerSourcedShare: k.partnerSourcedShare,
        attainment: k.attainment,
        winRate: k.winRate,
        avgDealSize: k.avgDealSize,
        salesCycleDays: k.salesCycleDays,
        coverage: k.coverage,
        programRoi: k.programRoi
      },
      summary: [
        { label: 'Period', value: `${period.label} (${period.start} to ${period.end})`, kind: 'text' }
      ],
      tables: [
        {
          title: `Partner KPIs ${period.label}`,
          columns: [text('KPI'), count('Value'), count('Partner channel'), count('Direct')],
          rows: rows.map(([label, , value, partner, direct]) => [label, value, partner, direct]),
          rowKinds: rows.map(([, kind]) => kind)
        }
      ],
      csvTable: 0
    };
  }
};
