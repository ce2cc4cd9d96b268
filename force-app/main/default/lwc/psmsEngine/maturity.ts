import type { MaturityPractice, PracticeId } from './settings';

/** Partner sales maturity (SPEC §8): the self-assessment and the maturity measured from data. */

export const LEVEL_NAMES = ['Ad hoc', 'Defined', 'Managed', 'Optimized'] as const;
export type LevelName = (typeof LEVEL_NAMES)[number];

export interface PracticeScore {
  id: PracticeId;
  name: string;
  level: number;
  levelName: LevelName;
}

export interface SelfAssessment {
  /** Mean of the ten answers. */
  score: number;
  /** The rounded-down mean. */
  level: number;
  levelName: LevelName;
  practices: PracticeScore[];
  /** One per practice below Managed (3), in the practices' order. */
  recommendations: { id: PracticeId; name: string; recommendation: string }[];
}

export type AssessmentResult = { ok: true; assessment: SelfAssessment } | { ok: false; error: string };

function levelName(level: number): LevelName {
  return LEVEL_NAMES[level - 1];
}

/** Score the answers (1–4, one per practice). Every practice must be answered. */
export function scoreSelfAssessment(
  answers: Partial<Record<PracticeId, number>>,
  practices: readonly MaturityPractice[]
): AssessmentResult {
  const scored: PracticeScore[] = [];
  for (const practice of practices) {
    const level = answers[practice.id];
    if (level === undefined || !Number.isInteger(level) || level < 1 || level > 4) {
      return {
        ok: false,
        error: `Answer "${practice.question}" with a level from 1 (Ad hoc) to 4 (Optimized).`
      };
    }
    scored.push({ id: practice.id, name: practice.name, level, levelName: levelName(level) });
  }
  if (scored.length === 0) {
    return { ok: false, error: 'There are no maturity practices to assess.' };
  }
  const score = scored.reduce((sum, practice) => sum + practice.level, 0) / scored.length;
  const level = Math.floor(score);
  return {
    ok: true,
    assessment: {
      score,
      level,
      levelName: levelName(level),
      practices: scored,
      recommendations: practices
        .filter((practice) => (answers[practice.id] ?? 0) < 3)
        .map(({ id, name, recommendation }) => ({ id, name, recommendation }))
    }
  };
}

/**
 * What the data says about each practice, as fractions 0–1 (null where the data cannot tell).
 * Callers compute them with the other engine functions (hygiene %, co-sell share, ...).
 */
export interface MaturityMeasures {
  /** Pipeline hygiene %. */
  hygienePercent?: number | null;
  /** Share of expected forecast calls (partner × weeks 1, 5, 9 so far) submitted in their week. */
  callsOnTime?: number | null;
  /** Share of open partner opportunities with activity in the last 21 days (they are being reviewed). */
  pipelineReviewed?: number | null;
  /** Share of key (Gold and above) partners with an active plan reviewed within 90 days. */
  planCoverage?: number | null;
  /** Co-sell opportunity share by count. */
  coSellShare?: number | null;
  /** Share of decided registrations decided within the approval SLA. */
  decidedWithinSla?: number | null;
  /** Partners recruited in the period ÷ the recruitment target. */
  recruitmentVsTarget?: number | null;
  /** Activation rate. */
  activationRate?: number | null;
  /** Share of the period's KPIs that are defined (not null): the data needed to measure exists. */
  kpisMeasurable?: number | null;
  /** Share of the year's periods with a channel quota (a leadership roll-up has a target). */
  periodsWithQuota?: number | null;
}

/** Practice → the measure that tells its level. */
const MEASURE_OF: Readonly<Record<PracticeId, keyof MaturityMeasures>> = {
  dataHygiene: 'hygienePercent',
  forecastCadence: 'callsOnTime',
  pipelineReviews: 'pipelineReviewed',
  accountPlanning: 'planCoverage',
  coSell: 'coSellShare',
  dealRegistration: 'decidedWithinSla',
  recruitment: 'recruitmentVsTarget',
  enablement: 'activationRate',
  kpis: 'kpisMeasurable',
  leadershipRollUps: 'periodsWithQuota'
};

/**
 * Level cut-offs per measure: level 2 from the first, 3 from the second, 4 from the third.
 * Hygiene uses the spec's own lines (unreliable below 70 %, target 85 %); co-sell and activation
 * are judged on lower shares because most healthy channels co-sell a minority of deals.
 */
const CUT_OFFS: Readonly<Record<keyof MaturityMeasures, readonly [number, number, number]>> = {
  hygienePercent: [0.7, 0.85, 0.95],
  callsOnTime: [0.5, 0.8, 0.95],
  pipelineReviewed: [0.5, 0.75, 0.9],
  planCoverage: [0.25, 0.75, 0.95],
  coSellShare: [0.05, 0.15, 0.3],
  decidedWithinSla: [0.5, 0.8, 0.95],
  recruitmentVsTarget: [0.5, 0.9, 1.1],
  activationRate: [0.25, 0.5, 0.75],
  kpisMeasurable: [0.5, 0.8, 1],
  periodsWithQuota: [0.25, 0.75, 1]
};

export interface MeasuredPractice {
  id: PracticeId;
  name: string;
  measure: keyof MaturityMeasures;
  value: number | null;
  level: number | null;
}

export function measureMaturity(
  measures: MaturityMeasures,
  practices: readonly MaturityPractice[]
): { practices: MeasuredPractice[]; score: number | null } {
  const measured = practices.map((practice): MeasuredPractice => {
    const measure = MEASURE_OF[practice.id];
    const value = measures[measure] ?? null;
    const level = value === null ? null : 1 + CUT_OFFS[measure].filter((cutOff) => value >= cutOff).length;
    return { id: practice.id, name: practice.name, measure, value, level };
  });
  const levels = measured.flatMap((practice) => (practice.level === null ? [] : [practice.level]));
  return {
    practices: measured,
    score: levels.length === 0 ? null : levels.reduce((s, l) => s + l, 0) / levels.length
  };
}
