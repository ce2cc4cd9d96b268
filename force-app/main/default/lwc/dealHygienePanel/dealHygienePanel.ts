// Container component: this opportunity's hygiene findings and score, computed by the engine from the deal's records.
import { LightningElement, api, wire } from 'lwc';
import getDealPartners from '@salesforce/apex/PartnerDealsController.getDealPartners';
import getSettings from '@salesforce/apex/PsmsSettingsController.getSettings';
import {
  DEFAULT_SETTINGS,
  evaluateHygiene,
  indexPartnerDeals,
  type HygieneReport,
  type PsmsSettings
} from 'c/psmsEngine';
import { formatLabel } from 'c/displayFormat';
import LABEL_TITLE from '@salesforce/label/c.PSMS_DealHygienePanel_Title';
import LABEL_SCORE from '@salesforce/label/c.PSMS_DealHygienePanel_Score';
import LABEL_CLOSED from '@salesforce/label/c.PSMS_DealHygienePanel_Closed';
import LABEL_LOADING from '@salesforce/label/c.PSMS_Label_Loading';

export default class DealHygienePanel extends LightningElement {
  @api recordId: string | undefined;

  deal: Psms.DealResponse | undefined;
  error: unknown;
  settings: PsmsSettings = DEFAULT_SETTINGS;

  readonly labels = { title: LABEL_TITLE, closed: LABEL_CLOSED, loading: LABEL_LOADING };

  // The same cacheable read as the partner deals panel on this page: one server call serves both.
  @wire(getDealPartners, { opportunityId: '$recordId' })
  wiredDeal({ data, error }: Psms.Wired<Psms.DealResponse>): void {
    this.deal = data;
    this.error = error;
  }

  @wire(getSettings)
  wiredSettings({ data }: Psms.Wired<Psms.SettingsResponse>): void {
    if (data) {
      this.settings = data;
    }
  }

  get isLoading(): boolean {
    return this.deal === undefined && this.error === undefined;
  }

  get report(): HygieneReport | null {
    const deal = this.deal;
    if (!deal || deal.opportunity.IsClosed) {
      return null;
    }
    // allOpen: on its own record page every open deal is judged, partner-involved or not.
    return evaluateHygiene({
      today: deal.today,
      opportunities: [deal.opportunity],
      partners: indexPartnerDeals(deal.partnerDeals),
      registrations: deal.registrations,
      accounts: deal.partners,
      plans: deal.plans,
      allOpen: true,
      settings: this.settings
    });
  }

  get isClosed(): boolean {
    return this.deal?.opportunity.IsClosed === true;
  }

  get findings() {
    return this.report?.findings ?? [];
  }

  get score(): number | null {
    const opportunityId = this.deal?.opportunity.Id;
    return this.report?.scores.find((score) => score.recordId === opportunityId)?.score ?? null;
  }

  get scoreText(): string {
    return formatLabel(LABEL_SCORE, this.score ?? 100);
  }

  /** Partner names for the account findings (PLAN_OUTDATED). */
  get recordNames(): Record<string, string> {
    const names: Record<string, string> = {};
    for (const account of this.deal?.partners ?? []) {
      names[account.Id] = account.Name ?? account.Id;
    }
    if (this.deal) {
      names[this.deal.opportunity.Id] = this.deal.opportunity.Name ?? this.deal.opportunity.Id;
    }
    return names;
  }
}
