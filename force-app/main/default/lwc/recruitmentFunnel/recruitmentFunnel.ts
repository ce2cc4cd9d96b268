// Presentation component: the recruitment funnel of a quarter (SPEC §12) — partners reaching each stage, the count per status, the median days between stages and the partners stuck in onboarding.
import { LightningElement, api } from 'lwc';
import type { FunnelReport } from 'c/psmsEngine';
import { formatDate, formatLabel, formatNumber } from 'c/displayFormat';
import LABEL_STAGES from '@salesforce/label/c.PSMS_Funnel_Stages';
import LABEL_RECRUITED from '@salesforce/label/c.PSMS_Funnel_Recruited';
import LABEL_ACTIVATED from '@salesforce/label/c.PSMS_Funnel_Activated';
import LABEL_FIRST_REVENUE from '@salesforce/label/c.PSMS_Funnel_First_Revenue';
import LABEL_BY_STATUS from '@salesforce/label/c.PSMS_Funnel_By_Status';
import LABEL_TO_ACTIVATE from '@salesforce/label/c.PSMS_Funnel_Days_To_Activate';
import LABEL_TO_REVENUE from '@salesforce/label/c.PSMS_Funnel_Days_To_Revenue';
import LABEL_STUCK from '@salesforce/label/c.PSMS_Funnel_Stuck';
import LABEL_STUCK_NONE from '@salesforce/label/c.PSMS_Funnel_Stuck_None';
import LABEL_PARTNER from '@salesforce/label/c.PSMS_Funnel_Partner';
import LABEL_RECRUITED_ON from '@salesforce/label/c.PSMS_Funnel_Recruited_On';
import LABEL_DAYS from '@salesforce/label/c.PSMS_Funnel_Days';
import LABEL_MORE from '@salesforce/label/c.PSMS_Agenda_Show_More';

const PAGE = 10;

export default class RecruitmentFunnel extends LightningElement {
  @api funnel: FunnelReport | undefined;
  /** Partner id → name. */
  @api names: Record<string, string> = {};

  showAll = false;

  readonly labels = {
    stages: LABEL_STAGES,
    byStatus: LABEL_BY_STATUS,
    stuck: LABEL_STUCK,
    stuckNone: LABEL_STUCK_NONE,
    partner: LABEL_PARTNER,
    recruitedOn: LABEL_RECRUITED_ON,
    days: LABEL_DAYS
  };

  get stages() {
    const funnel = this.funnel;
    return [
      { key: 'recruited', label: LABEL_RECRUITED, value: formatNumber(funnel?.recruited ?? null, 0) },
      { key: 'activated', label: LABEL_ACTIVATED, value: formatNumber(funnel?.activated ?? null, 0) },
      {
        key: 'firstRevenue',
        label: LABEL_FIRST_REVENUE,
        value: formatNumber(funnel?.firstRevenue ?? null, 0)
      },
      {
        key: 'toActivate',
        label: LABEL_TO_ACTIVATE,
        value: formatNumber(funnel?.medianDaysToActivate ?? null, 0)
      },
      {
        key: 'toRevenue',
        label: LABEL_TO_REVENUE,
        value: formatNumber(funnel?.medianDaysToFirstRevenue ?? null, 0)
      }
    ];
  }

  get statuses() {
    return Object.entries(this.funnel?.byStatus ?? {}).map(([status, count]) => ({
      key: status,
      status,
      count: formatNumber(count, 0)
    }));
  }

  private get allStuck() {
    return (this.funnel?.stuck ?? []).map((partner) => ({
      key: partner.partnerId,
      partnerId: partner.partnerId,
      name: this.names[partner.partnerId] ?? partner.partnerId,
      recruitedOn: formatDate(partner.recruitedOn),
      days: formatNumber(partner.days, 0)
    }));
  }

  get stuck() {
    return this.showAll ? this.allStuck : this.allStuck.slice(0, PAGE);
  }

  get hasStuck(): boolean {
    return this.allStuck.length > 0;
  }

  get hasMore(): boolean {
    return !this.showAll && this.allStuck.length > PAGE;
  }

  get moreLabel(): string {
    return formatLabel(LABEL_MORE, formatNumber(this.allStuck.length - PAGE, 0));
  }

  handleMore(): void {
    this.showAll = true;
  }
}
