// Presentation component: each rep's scorecard for the quarter (SPEC §10) — actions done on time, validated share of Commit, hygiene % and last quarter's forecast accuracy.
import { LightningElement, api } from 'lwc';
import type { RepScorecard } from 'c/psmsEngine';
import { formatLabel, formatMoney, formatNumber, formatPercent } from 'c/displayFormat';
import LABEL_CAPTION from '@salesforce/label/c.PSMS_Scorecard_Caption';
import LABEL_REP from '@salesforce/label/c.PSMS_Scorecard_Rep';
import LABEL_ON_TIME from '@salesforce/label/c.PSMS_Scorecard_On_Time';
import LABEL_ON_TIME_OF from '@salesforce/label/c.PSMS_Scorecard_On_Time_Of';
import LABEL_VALIDATED from '@salesforce/label/c.PSMS_Scorecard_Validated';
import LABEL_VALIDATED_OF from '@salesforce/label/c.PSMS_Scorecard_Validated_Of';
import LABEL_HYGIENE from '@salesforce/label/c.PSMS_Scorecard_Hygiene';
import LABEL_ACCURACY from '@salesforce/label/c.PSMS_Scorecard_Accuracy';
import LABEL_NONE from '@salesforce/label/c.PSMS_Scorecard_None';
import LABEL_MORE from '@salesforce/label/c.PSMS_Agenda_Show_More';

/** Rows shown before "Show more": a whole channel's reps page. */
const PAGE = 15;

export default class RepScorecards extends LightningElement {
  @api scorecards: RepScorecard[] = [];
  /** User id → name. */
  @api names: Record<string, string> = {};

  showAll = false;

  readonly labels = {
    caption: LABEL_CAPTION,
    rep: LABEL_REP,
    onTime: LABEL_ON_TIME,
    validated: LABEL_VALIDATED,
    hygiene: LABEL_HYGIENE,
    none: LABEL_NONE
  };

  get accuracyHeader(): string {
    return formatLabel(LABEL_ACCURACY, this.scorecards[0]?.previousPeriod ?? '');
  }

  get hasCards(): boolean {
    return this.scorecards.length > 0;
  }

  get rows() {
    return this.showAll ? this.sorted : this.sorted.slice(0, PAGE);
  }

  get hasMore(): boolean {
    return !this.showAll && this.scorecards.length > PAGE;
  }

  get moreLabel(): string {
    return formatLabel(LABEL_MORE, formatNumber(this.scorecards.length - PAGE, 0));
  }

  handleMore(): void {
    this.showAll = true;
  }

  private get sorted() {
    return this.scorecards
      .map((card) => ({
        key: card.repId,
        name: this.names[card.repId] ?? card.repId,
        onTime: formatPercent(card.actionsOnTime),
        onTimeDetail: formatLabel(
          LABEL_ON_TIME_OF,
          formatNumber(card.actionsDoneOnTime, 0),
          formatNumber(card.actionsDue, 0)
        ),
        validated: formatPercent(card.validatedShare),
        validatedDetail: formatLabel(
          LABEL_VALIDATED_OF,
          formatMoney(card.validatedCommitAmount),
          formatMoney(card.commitAmount)
        ),
        hygiene: formatPercent(card.hygienePercent),
        accuracy: formatPercent(card.accuracy)
      }))
      .sort((a, b) => a.name.localeCompare(b.name));
  }
}
