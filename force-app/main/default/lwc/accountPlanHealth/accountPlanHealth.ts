// Container component: key partners (tier at or above the PLAN_OUTDATED setting) with no active account plan or an overdue review.
import { LightningElement, wire } from 'lwc';
import getPlanHealth from '@salesforce/apex/AccountPlanController.getPlanHealth';
import getSettings from '@salesforce/apex/PsmsSettingsController.getSettings';
import { DEFAULT_SETTINGS, evaluateHygiene, type PsmsSettings } from 'c/psmsEngine';
import { findingReason } from 'c/hygieneLabels';
import LABEL_TITLE from '@salesforce/label/c.PSMS_AccountPlanHealth_Title';
import LABEL_PARTNER from '@salesforce/label/c.PSMS_AccountPlanHealth_Partner';
import LABEL_TIER from '@salesforce/label/c.PSMS_AccountPlanHealth_Tier';
import LABEL_PROBLEM from '@salesforce/label/c.PSMS_AccountPlanHealth_Problem';
import LABEL_NEXT_REVIEW from '@salesforce/label/c.PSMS_AccountPlanHealth_Next_Review';
import LABEL_REVIEW_DUE from '@salesforce/label/c.PSMS_AccountPlanHealth_Review_Due';
import LABEL_ALL_HEALTHY from '@salesforce/label/c.PSMS_AccountPlanHealth_All_Healthy';
import LABEL_LOADING from '@salesforce/label/c.PSMS_Label_Loading';

export default class AccountPlanHealth extends LightningElement {
  health: Psms.PlanHealthResponse | undefined;
  error: unknown;
  settings: PsmsSettings = DEFAULT_SETTINGS;

  readonly labels = {
    title: LABEL_TITLE,
    partner: LABEL_PARTNER,
    tier: LABEL_TIER,
    problem: LABEL_PROBLEM,
    nextReview: LABEL_NEXT_REVIEW,
    allHealthy: LABEL_ALL_HEALTHY,
    loading: LABEL_LOADING
  };

  @wire(getPlanHealth)
  wiredHealth({ data, error }: Psms.Wired<Psms.PlanHealthResponse>): void {
    this.health = data;
    this.error = error;
  }

  @wire(getSettings)
  wiredSettings({ data }: Psms.Wired<Psms.SettingsResponse>): void {
    if (data) {
      this.settings = data;
    }
  }

  get isLoading(): boolean {
    return this.health === undefined && this.error === undefined;
  }

  /** The engine's PLAN_OUTDATED rule decides "key" and "outdated"; a passed Next Review date is overdue too. */
  get rows() {
    const data = this.health;
    if (!data) {
      return [];
    }
    const rule = { ...this.settings.hygieneRules.PLAN_OUTDATED, active: true };
    const report = evaluateHygiene({
      today: data.today,
      opportunities: [],
      partners: new Map(),
      accounts: data.partners,
      plans: data.plans,
      settings: { ...this.settings, hygieneRules: { ...this.settings.hygieneRules, PLAN_OUTDATED: rule } }
    });
    const reasons = new Map(report.findings.map((finding) => [finding.recordId, findingReason(finding)]));
    const keyPartners = new Set(report.scores.map((score) => score.recordId));
    return data.partners
      .filter((partner) => keyPartners.has(partner.Id))
      .map((partner) => {
        const plan = data.plans.find(
          (candidate) => candidate.Partner_Account__c === partner.Id && candidate.Status__c === 'Active'
        );
        const nextReview = plan?.Next_Review_On__c ?? '';
        const reviewDue = nextReview !== '' && nextReview < data.today;
        return {
          id: partner.Id,
          name: partner.Name ?? partner.Id,
          tier: partner.Partner_Tier__c ?? '',
          problem: reasons.get(partner.Id) ?? (reviewDue ? LABEL_REVIEW_DUE : ''),
          planId: plan?.Id ?? null,
          planName: nextReview !== '' ? nextReview : LABEL_NEXT_REVIEW,
          nextReview
        };
      })
      .filter((row) => row.problem !== '');
  }

  get hasRows(): boolean {
    return this.rows.length > 0;
  }
}
