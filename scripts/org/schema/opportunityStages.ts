/**
 * The default sales process of a new org: each stage's probability and forecast category,
 * which the platform copies onto an opportunity when its stage is set (unless the category or
 * probability is written in the same save), and whether the stage closes the deal.
 */
export interface OpportunityStage {
  name: string;
  probability: number;
  forecastCategory: 'Omitted' | 'Pipeline' | 'Best Case' | 'Commit' | 'Closed';
  closed: boolean;
  won: boolean;
}

export const OPPORTUNITY_STAGES: readonly OpportunityStage[] = [
  { name: 'Prospecting', probability: 10, forecastCategory: 'Pipeline', closed: false, won: false },
  { name: 'Qualification', probability: 10, forecastCategory: 'Pipeline', closed: false, won: false },
  { name: 'Needs Analysis', probability: 20, forecastCategory: 'Pipeline', closed: false, won: false },
  { name: 'Value Proposition', probability: 50, forecastCategory: 'Pipeline', closed: false, won: false },
  { name: 'Id. Decision Makers', probability: 60, forecastCategory: 'Pipeline', closed: false, won: false },
  { name: 'Perception Analysis', probability: 70, forecastCategory: 'Pipeline', closed: false, won: false },
  { name: 'Proposal/Price Quote', probability: 75, forecastCategory: 'Pipeline', closed: false, won: false },
  { name: 'Negotiation/Review', probability: 90, forecastCategory: 'Pipeline', closed: false, won: false },
  { name: 'Closed Won', probability: 100, forecastCategory: 'Closed', closed: true, won: true },
  { name: 'Closed Lost', probability: 0, forecastCategory: 'Omitted', closed: true, won: false }
];

export function stageNamed(name: unknown): OpportunityStage | undefined {
  if (typeof name !== 'string') return undefined;
  const lower = name.toLowerCase();
  return OPPORTUNITY_STAGES.find((stage) => stage.name.toLowerCase() === lower);
}
