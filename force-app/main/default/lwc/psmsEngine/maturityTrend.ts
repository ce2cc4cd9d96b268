import { scoreSelfAssessment } from './maturity';
import type { IsoDate, Maturity_Assessment__c, RecordId } from './records';
import { DEFAULT_MATURITY_PRACTICES, type PracticeId } from './settings';

/**
 * Maturity over time (SPEC §12): each saved self-assessment answers the ten practices of §8 in
 * one field each; the trend shows the self-assessed and the measured score per period.
 */

/** The answer field of each practice on Maturity_Assessment__c. */
export const ASSESSMENT_FIELDS: Readonly<Record<PracticeId, keyof Maturity_Assessment__c>> = {
  dataHygiene: 'Data_Hygiene_Level__c',
  forecastCadence: 'Forecast_Cadence_Level__c',
  pipelineReviews: 'Pipeline_Reviews_Level__c',
  accountPlanning: 'Account_Planning_Level__c',
  coSell: 'Co_Sell_Level__c',
  dealRegistration: 'Deal_Registration_Level__c',
  recruitment: 'Recruitment_Level__c',
  enablement: 'Enablement_Level__c',
  kpis: 'Kpis_Level__c',
  leadershipRollUps: 'Leadership_Roll_Ups_Level__c'
};

export interface MaturityTrendPoint {
  period: string;
  assessmentId: RecordId;
  assessedOn: IsoDate | null;
  /** The self-assessed score (mean of the answers). */
  score: number | null;
  measuredScore: number | null;
}

/** The answers of a saved assessment, by practice (blank answers left out). */
export function answersOf(assessment: Maturity_Assessment__c): Partial<Record<PracticeId, number>> {
  const answers: Partial<Record<PracticeId, number>> = {};
  for (const [practice, field] of Object.entries(ASSESSMENT_FIELDS) as [
    PracticeId,
    keyof Maturity_Assessment__c
  ][]) {
    const value = assessment[field];
    if (typeof value === 'number') {
      answers[practice] = value;
    }
  }
  return answers;
}

/**
 * One point per period that has a saved assessment: the latest of that period (by date, then
 * id), oldest period first. The score is the stored Score__c (a formula in the org); a record
 * without it (an export that left the column out) is scored from its answers by the §8 rule.
 */
export function maturityTrend(assessments: readonly Maturity_Assessment__c[]): MaturityTrendPoint[] {
  const latest = new Map<string, Maturity_Assessment__c>();
  for (const assessment of assessments) {
    const period = assessment.Period__c;
    if (!period) {
      continue;
    }
    const known = latest.get(period);
    if (known === undefined || isLater(assessment, known)) {
      latest.set(period, assessment);
    }
  }
  return [...latest.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([period, assessment]) => ({
      period,
      assessmentId: assessment.Id ?? '',
      assessedOn: assessment.Assessed_On__c ?? null,
      score: assessment.Score__c ?? scoreOf(assessment),
      measuredScore: assessment.Measured_Score__c ?? null
    }));
}

function scoreOf(assessment: Maturity_Assessment__c): number | null {
  const result = scoreSelfAssessment(answersOf(assessment), DEFAULT_MATURITY_PRACTICES);
  return result.ok ? result.assessment.score : null;
}

function isLater(a: Maturity_Assessment__c, b: Maturity_Assessment__c): boolean {
  const onA = a.Assessed_On__c ?? '';
  const onB = b.Assessed_On__c ?? '';
  return onA !== onB ? onA > onB : (a.Id ?? '') > (b.Id ?? '');
}
