// Service module (no template): how PSMS shows numbers and fills label placeholders, in the user's locale.
import LABEL_NOT_AVAILABLE from '@salesforce/label/c.PSMS_Format_Not_Available';

/** The user's locale as the browser reports it (the org's locale setting drives it in Lightning). */
function locale(): string | undefined {
  return typeof navigator !== 'undefined' ? navigator.language : undefined;
}

/** Whole currency units; null (a ratio over zero, a missing quota) reads "n/a", never 0. */
export function formatMoney(value: number | null | undefined): string {
  if (value == null) {
    return LABEL_NOT_AVAILABLE;
  }
  return new Intl.NumberFormat(locale(), { maximumFractionDigits: 0 }).format(value);
}

/** A fraction as a percentage (0.85 → 85%). */
export function formatPercent(value: number | null | undefined): string {
  if (value == null) {
    return LABEL_NOT_AVAILABLE;
  }
  return new Intl.NumberFormat(locale(), { style: 'percent', maximumFractionDigits: 0 }).format(value);
}

export function formatNumber(value: number | null | undefined, fractionDigits = 1): string {
  if (value == null) {
    return LABEL_NOT_AVAILABLE;
  }
  return new Intl.NumberFormat(locale(), { maximumFractionDigits: fractionDigits }).format(value);
}

/** Fills `{0}`, `{1}`, … in a custom label. */
export function formatLabel(label: string, ...values: (string | number)[]): string {
  return label.replace(/\{(\d+)\}/g, (match, index: string) => {
    const value = values[Number(index)];
    return value === undefined ? match : String(value);
  });
}

/** A calendar date (`YYYY-MM-DD`) as the user reads dates; blank stays blank. Read in UTC: a date has no time zone. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) {
    return '';
  }
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(`${iso.slice(0, 10)}T00:00:00Z`)
  );
}

/** Today as `YYYY-MM-DD` in UTC: what the engine compares dates with before the server's today arrives. */
export function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}

/** A link to a record: what `c-page-link` takes. */
export interface RecordLink {
  recordId: string;
  objectApiName: string;
  label: string;
}

/**
 * What a registration's conflict points at: the registration holding its key (Duplicate,
 * Already registered) or the direct opportunity (Direct), named when the query brought the name;
 * otherwise the link (c-page-link) reads the name itself — never the id.
 */
export function conflictLink(registration: {
  Conflicting_Registration__c?: string | null;
  Conflicting_Registration__r?: { Name?: string | null } | null;
  Conflicting_Opportunity__c?: string | null;
  Conflicting_Opportunity__r?: { Name?: string | null } | null;
}): RecordLink | undefined {
  const holder = registration.Conflicting_Registration__c;
  if (holder) {
    return {
      recordId: holder,
      objectApiName: 'Deal_Registration__c',
      label: registration.Conflicting_Registration__r?.Name ?? ''
    };
  }
  const direct = registration.Conflicting_Opportunity__c;
  return direct
    ? {
        recordId: direct,
        objectApiName: 'Opportunity',
        label: registration.Conflicting_Opportunity__r?.Name ?? ''
      }
    : undefined;
}
