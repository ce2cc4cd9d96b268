// Container component: the ten-question maturity self-assessment (SPEC §8) with score, level and recommendations, beside the maturity measured from data.
import { LightningElement, wire } from 'lwc';
import getSettings from '@salesforce/apex/PsmsSettingsController.getSettings';
import getMaturityInputs from '@salesforce/apex/MaturityController.getMaturityInputs';
import saveMaturityAssessment from '@salesforce/apex/ReviewCadenceController.saveMaturityAssessment';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import {
  LEVEL_NAMES,
  measureMaturityFromData,
  scoreSelfAssessment,
  type PracticeId,
  type SelfAssessment
} from 'c/psmsEngine';
import { formatLabel, formatNumber, formatPercent } from 'c/displayFormat';
import LABEL_TITLE from '@salesforce/label/c.PSMS_MaturityAssessment_Title';
import LABEL_INTRO from '@salesforce/label/c.PSMS_MaturityAssessment_Intro';
import LABEL_SCORE from '@salesforce/label/c.PSMS_MaturityAssessment_Score';
import LABEL_SUBMIT from '@salesforce/label/c.PSMS_MaturityAssessment_Submit';
import LABEL_RECOMMENDATIONS from '@salesforce/label/c.PSMS_MaturityAssessment_Recommendations';
import LABEL_COMPARISON from '@salesforce/label/c.PSMS_MaturityAssessment_Comparison';
import LABEL_PRACTICE from '@salesforce/label/c.PSMS_MaturityAssessment_Practice';
import LABEL_SELF from '@salesforce/label/c.PSMS_MaturityAssessment_Self';
import LABEL_MEASURED from '@salesforce/label/c.PSMS_MaturityAssessment_Measured';
import LABEL_EVIDENCE from '@salesforce/label/c.PSMS_MaturityAssessment_Evidence';
import LABEL_MEASURED_SCORE from '@salesforce/label/c.PSMS_MaturityAssessment_Measured_Score';
import LABEL_NOT_AVAILABLE from '@salesforce/label/c.PSMS_Format_Not_Available';
import LABEL_LOADING from '@salesforce/label/c.PSMS_Label_Loading';
import LABEL_SAVE from '@salesforce/label/c.PSMS_MaturityAssessment_Save';
import LABEL_SAVED from '@salesforce/label/c.PSMS_MaturityAssessment_Saved';

export default class MaturityAssessment extends LightningElement {
  settings: Psms.SettingsResponse | undefined;
  inputs: Psms.MaturityResponse | undefined;
  error: unknown;
  answers: Partial<Record<PracticeId, number>> = {};
  assessment: SelfAssessment | undefined;
  assessmentError: string | undefined;
  saveError: unknown;
  saving = false;
  /** The period the scored answers were saved for (SPEC §12: saved assessments make the trend). */
  savedPeriod: string | undefined;

  readonly labels = {
    title: LABEL_TITLE,
    intro: LABEL_INTRO,
    submit: LABEL_SUBMIT,
    recommendations: LABEL_RECOMMENDATIONS,
    comparison: LABEL_COMPARISON,
    practice: LABEL_PRACTICE,
    self: LABEL_SELF,
    measured: LABEL_MEASURED,
    evidence: LABEL_EVIDENCE,
    loading: LABEL_LOADING,
    save: LABEL_SAVE
  };

  @wire(getSettings)
  wiredSettings({ data, error }: Psms.Wired<Psms.SettingsResponse>): void {
    this.settings = data;
    this.error = error ?? this.error;
  }

  @wire(getMaturityInputs)
  wiredInputs({ data, error }: Psms.Wired<Psms.MaturityResponse>): void {
    this.inputs = data;
    this.error = error ?? this.error;
  }

  get isLoading(): boolean {
    return this.settings === undefined && this.error === undefined;
  }

  /** One radio group per practice; each option's label is what that level looks like, so answering is quick. */
  get questions() {
    return (this.settings?.maturityPractices ?? []).map((practice) => ({
      id: practice.id,
      question: practice.question,
      value: this.answers[practice.id] === undefined ? undefined : String(this.answers[practice.id]),
      options: practice.levels.map((text, index) => ({
        label: `${LEVEL_NAMES[index]}: ${text}`,
        value: String(index + 1)
      }))
    }));
  }

  get scoreText(): string {
    const assessment = this.assessment;
    return assessment ? formatLabel(LABEL_SCORE, formatNumber(assessment.score), assessment.levelName) : '';
  }

  private get measured() {
    // The engine scores each practice from the org's data, the same way everywhere it is shown.
    return this.inputs && this.settings
      ? measureMaturityFromData(this.inputs, this.inputs.today, this.settings)
      : null;
  }

  get measuredScoreText(): string {
    const score = this.measured?.score ?? null;
    return formatLabel(LABEL_MEASURED_SCORE, score === null ? LABEL_NOT_AVAILABLE : formatNumber(score));
  }

  get comparison() {
    const measured = new Map((this.measured?.practices ?? []).map((practice) => [practice.id, practice]));
    return (this.settings?.maturityPractices ?? []).map((practice) => {
      const fromData = measured.get(practice.id);
      const self = this.answers[practice.id];
      return {
        id: practice.id,
        name: practice.name,
        self: self === undefined ? LABEL_NOT_AVAILABLE : LEVEL_NAMES[self - 1],
        measured: fromData?.level == null ? LABEL_NOT_AVAILABLE : LEVEL_NAMES[fromData.level - 1],
        evidence: formatPercent(fromData?.value ?? null)
      };
    });
  }

  get hasInputs(): boolean {
    return this.inputs !== undefined;
  }

  handleAnswer(event: CustomEvent<{ value: string }>): void {
    const id = (event.target as HTMLElement).dataset.id as PracticeId;
    this.answers = { ...this.answers, [id]: Number(event.detail.value) };
  }

  handleSubmit(): void {
    const result = scoreSelfAssessment(this.answers, this.settings?.maturityPractices ?? []);
    this.assessment = result.ok ? result.assessment : undefined;
    this.assessmentError = result.ok ? undefined : result.error;
    this.savedPeriod = undefined;
  }

  get saveDisabled(): boolean {
    return this.saving || this.savedPeriod !== undefined;
  }

  /** Saves the scored answers with today's measured score, for the maturity trend. */
  async handleSave(): Promise<void> {
    this.saving = true;
    this.saveError = undefined;
    try {
      const score = this.measured?.score ?? null;
      const saved = await saveMaturityAssessment({
        answers: { ...this.answers },
        measuredScore: score === null ? null : Math.round(score * 100) / 100
      });
      this.savedPeriod = saved.Period__c ?? '';
      this.dispatchEvent(
        new ShowToastEvent({ title: formatLabel(LABEL_SAVED, this.savedPeriod), variant: 'success' })
      );
    } catch (error) {
      this.saveError = error;
    } finally {
      this.saving = false;
    }
  }
}
