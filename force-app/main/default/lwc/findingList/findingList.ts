// Presentation component: hygiene findings (rule, severity, record, reason, fix), highest severity first, each linked to its record.
import { LightningElement, api } from 'lwc';
import type { HygieneFinding } from 'c/psmsEngine';
import { RULE_LABELS, SEVERITY_LABELS, SEVERITY_RANK } from 'c/hygieneLabels';
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
    return [...this.findings]
      .sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity])
      .map((finding, index) => ({
        key: `${finding.recordId}-${finding.rule}-${index}`,
        rule: RULE_LABELS[finding.rule] ?? finding.rule,
        severity: SEVERITY_LABELS[finding.severity],
        icon: ICONS[finding.severity],
        recordId: finding.recordId,
        // PLAN_OUTDATED is the one rule about a partner account, not an opportunity.
        objectApiName: finding.rule === 'PLAN_OUTDATED' ? 'Account' : 'Opportunity',
        recordName: this.recordNames[finding.recordId] ?? finding.recordId,
        reason: finding.reason,
        fix: finding.fix
      }));
  }
}
