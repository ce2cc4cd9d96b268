/**
 * PSMS engine: every rule of SPEC.md as pure functions (no I/O, no platform imports). A service
 * module: LWCs import it as `c/psmsEngine`; the CLI and the workbench import the same source.
 */
export * from './records';
export * from './settings';
export * from './dates';
export * from './calendar';
export * from './cadence';
export * from './partnerDeals';
export * from './money';
export * from './forecast';
export * from './forecastCalls';
export * from './forecastCall';
export * from './snapshotChanges';
export * from './accuracy';
export * from './hygiene';
export * from './hygieneRules';
export * from './hygieneSummary';
export * from './registrationKey';
export * from './registrationStatus';
export * from './directConflict';
export * from './engagementRules';
export * from './engagementActions';
export * from './disputes';
export * from './registrationAudit';
export * from './kpis';
export * from './maturity';
export * from './measuredMaturity';
export * from './statistics';
export * from './agendaData';
export * from './reviewActions';
export * from './teamCallAgenda';
export * from './oneOnOneAgendas';
export * from './leadershipAgendas';
export * from './meetingAgenda';
export * from './repScorecard';
export * from './revenueAttribution';
export * from './planAttainment';
export * from './recruitmentFunnel';
export * from './calibratedForecast';
export * from './maturityTrend';
