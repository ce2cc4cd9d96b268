// Part of the pipelineHygieneBoard container: the board at scale (docs/scale.md) — its figures from the org's hygiene summary (engine summarizeHygiene), the deals a page at a time.
import {
  summarizeHygiene,
  type HygieneFinding,
  type HygieneGroupCount,
  type HygieneSummaryReport,
  type PsmsSettings
} from 'c/psmsEngine';

export interface HygieneFilters {
  rule: string;
  severity: string;
  owner: string;
  partner: string;
}

/** The summary's figures: overall from the whole channel's rows when read, else from the scope's. */
export function summaryReport(data: Psms.HygieneResponse, settings: PsmsSettings): HygieneSummaryReport {
  return summarizeHygiene({ rows: data.channelSummaries ?? data.summaries ?? [], settings });
}

/** Open and clean per owner and per partner: the whole channel's owner rows, else the scope's rows. */
export function summaryGroups(
  data: Psms.HygieneResponse,
  settings: PsmsSettings
): { owner: Map<string, HygieneGroupCount>; partner: Map<string, HygieneGroupCount> } {
  const rows = data.summaries ?? [];
  // The whole channel's partner rows hold the partner channel; its direct deals ("No partner") are in its own rows.
  const direct = (data.channelSummaries ?? []).filter((row) => row.Partner_Channel__c !== true);
  return {
    owner: summarizeHygiene({ rows: data.ownerSummaries ?? rows, settings }).byOwner,
    partner: summarizeHygiene({ rows: [...rows, ...direct], settings }).byPartner
  };
}

/**
 * How many findings the filters keep, exactly, from the summary rows that hold the filtered
 * groups: the owner rows for an owner, the partner (or owner-and-partner) rows for a partner, the
 * owner's own rows (`ownerRows`, read with the first page) for both; null when those are not
 * read yet. Findings of partner accounts (PLAN_OUTDATED, from records) are added.
 */
export function summaryFindingCount(
  data: Psms.HygieneResponse,
  ownerRows: Psms.HygieneSummaryRow[] | null | undefined,
  settings: PsmsSettings,
  filters: HygieneFilters,
  accountFindings: readonly HygieneFinding[]
): number | null {
  const wholeChannel = data.ownerSummaries != null;
  let rows: readonly Psms.HygieneSummaryRow[] | null | undefined = data.summaries;
  if (wholeChannel && filters.owner !== '') {
    rows = filters.partner === '' ? data.ownerSummaries : ownerRows;
  } else if (wholeChannel && filters.partner === '') {
    rows = data.channelSummaries;
  }
  if (!rows) {
    return null;
  }
  let count = 0;
  for (const finding of summarizeHygiene({ rows, settings }).counts) {
    if (
      (filters.rule === '' || finding.rule === filters.rule) &&
      (filters.severity === '' || finding.severity === filters.severity) &&
      (filters.owner === '' || finding.owner === filters.owner) &&
      (filters.partner === '' || finding.partner === filters.partner)
    ) {
      count += finding.count;
    }
  }
  for (const finding of accountFindings) {
    if (
      filters.owner === '' &&
      (filters.rule === '' || finding.rule === filters.rule) &&
      (filters.severity === '' || finding.severity === filters.severity) &&
      (filters.partner === '' || finding.recordId === filters.partner)
    ) {
      count++;
    }
  }
  return count;
}
