import {
  auditRegistrations,
  type Deal_Registration__c,
  type Opportunity,
  type Partner_Deal__c
} from '../engine';
import { text, type Cell } from '../output/reportOutput';
import { load, requireSource, type ReportCommand } from './reportCommand';

/** `psms registrations`: the audit of existing registrations of SPEC §6 as of --today. */
export const registrationsReport: ReportCommand = {
  name: 'registrations',
  summary: 'registration conflicts, expired, overdue and expiring-soon registrations as of --today',
  usage: 'psms registrations (--org <alias> | --data <dir>)',
  flags: [],
  needsData: true,
  async run(context) {
    const source = requireSource(context);
    const registrations = await load<Deal_Registration__c>(source, {
      object: 'Deal_Registration__c',
      fields: [
        'Id',
        'Name',
        'Partner_Account__c',
        'End_Customer_Account__c',
        'End_Customer_Name__c',
        'End_Customer_Domain__c',
        'Product_Line__c',
        'Status__c',
        'Submitted_On__c',
        'Expires_On__c',
        'Opportunity__c'
      ]
    });
    // Every opportunity: a Converted registration stays active only while its opportunity is
    // open, and direct conflicts are open opportunities without a partner deal.
    const opportunities = await load<Opportunity>(source, {
      object: 'Opportunity',
      fields: ['Id', 'AccountId', 'Product_Line__c', 'IsClosed', 'IsWon', 'CloseDate', 'CreatedDate']
    });
    const partnerDeals = await load<Partner_Deal__c>(source, {
      object: 'Partner_Deal__c',
      fields: ['Opportunity__c', 'Partner_Account__c']
    });
    const audit = auditRegistrations(
      { registrations, opportunities, partnerDeals },
      context.today,
      context.settings
    );
    const names = new Map(registrations.map((r) => [r.Id ?? '', r.Name ?? '']));
    const rows: Cell[][] = [
      ...audit.conflicts.map((c): Cell[] => [
        c.registrationId,
        names.get(c.registrationId) ?? '',
        'conflict',
        c.type,
        c.withId
      ]),
      ...audit.expired.map((id): Cell[] => [id, names.get(id) ?? '', 'expired', null, null]),
      ...audit.overdue.map((id): Cell[] => [id, names.get(id) ?? '', 'overdue', null, null]),
      ...audit.expiringSoon.map((id): Cell[] => [id, names.get(id) ?? '', 'expiring soon', null, null])
    ];
    return {
      json: {
        asOf: audit.asOf,
        conflicts: audit.conflicts,
        expired: audit.expired,
        overdue: audit.overdue,
        expiringSoon: audit.expiringSoon
      },
      summary: [
        { label: 'As of', value: audit.asOf, kind: 'text' },
        { label: 'Registrations', value: registrations.length, kind: 'count' },
        { label: 'Conflicts', value: audit.conflicts.length, kind: 'count' },
        { label: 'Expired (past their date)', value: audit.expired.length, kind: 'count' },
        { label: 'Overdue (approval SLA)', value: audit.overdue.length, kind: 'count' },
        {
          label: `Expiring within ${context.settings.expiringSoonDays} days`,
          value: audit.expiringSoon.length,
          kind: 'count'
        }
      ],
      tables: [
        {
          title: 'Registration audit',
          columns: [text('Registration'), text('Name'), text('Finding'), text('Conflict type'), text('With')],
          rows
        }
      ],
      csvTable: 0
    };
  }
};
