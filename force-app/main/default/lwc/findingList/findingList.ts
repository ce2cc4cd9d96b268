// Presentation component: hygiene findings (severity, rule, record, reason, fix), highest severity first, each linked to its record; as a table on a board, as a list in a narrow record-page panel.
import { LightningElement, api } from 'lwc';
import type { HygieneFinding } from 'c/psmsEngine';
import { RULE_LABELS, SEVERITY_LABELS, SEVERITY_RANK, findingFix, findingReason } from 'c/hygieneLabels';
import LABEL_CAPTION from '@salesforce/label/c.PSMS_FindingList_Caption';
import LABEL_RULE from '@salesforce/label/c.PSMS_FindingList_Rule';
import LABEL_SEVERITY from '@salesforce/label/c.PSMS_FindingList_Severity';
import LABEL_RECORD from '@salesforce/label/c.PSMS_FindingList_Record';
import LABEL_REASON from '@salesforce/label/c.PSMS_FindingList_Reason';
import LABEL_FIX from '@salesforce/label/c.PSMS_FindingList_Fix';
import LABEL_CLEAN from '@salesforce/label/c.PSMS_FindingList_Clean';

const ICONS = { high: 'utility:error', medium: 'utility:warning', low: 'utility:info' } as const;

export default class FindingList extends LightningElement {
  @api findings: HygieneFinding[] = [];
  /** Record id → name, for the link text. */
  @api recordNames: Record<string, string> = {};
  /** Hide the record column on a record page, where every finding is about that record. */
  @api hideRecord = false;
  /** The record page's own record: its findings need no link to it (a partner's plan finding still does). */
  @api currentRecordId: string | undefined;
  /** A list instead of a table, for a narrow panel: each finding reads whole, nothing is cut. */
  @api compact = false;
  /** Sorted already (a board sorts before it pages): keep the order given. */
  @api presorted = false;

  readonly labels = {
    caption: LABEL_CAPTION,
    rule: LABEL_RULE,
    severity: LABEL_SEVERITY,
    record: LABEL_RECORD,
    reason: LABEL_REASON,
    fix: LABEL_FIX,
    clean: LABEL_CLEAN
  };

  get hasFindings(): boolean {
    return this.findings.length > 0;
  }

  get showRecord(): boolean {
    return !this.hideRecord;
  }

  get rows() {
    const ordered = this.presorted
      ? [...this.findings]
      : [...this.findings].sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]);
    return ordered.map((finding, index) => ({
      key: `${finding.recordId}-${finding.rule}-${index}`,
      rule: RULE_LABELS[finding.rule] ?? finding.rule,
      severity: SEVERITY_LABELS[finding.severity],
      severityClass: `severity severity_${finding.severity}`,
      icon: ICONS[finding.severity],
      recordId: finding.recordId,
      linkRecord: this.showRecord && finding.recordId !== this.currentRecordId,
      // PLAN_OUTDATED is the one rule about a partner account, not an opportunity.
      objectApiName: finding.rule === 'PLAN_OUTDATED' ? 'Account' : 'Opportunity',
      recordName: this.recordNames[finding.recordId] ?? '',
      reason: findingReason(finding),
      fix: findingFix(finding)
    }));
  }
}
