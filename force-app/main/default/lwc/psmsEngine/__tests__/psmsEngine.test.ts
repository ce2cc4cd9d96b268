import * as engine from '../psmsEngine';

describe('the public entry (c/psmsEngine)', () => {
  it('re-exports the API that components, the CLI and the workbench import', () => {
    for (const name of [
      'rollUpForecast',
      'evaluateHygiene',
      'diffSnapshots',
      'forecastAccuracy',
      'auditRegistrations',
      'applyEngagementAction',
      'computeKpis',
      'scoreSelfAssessment',
      'cadenceFor',
      'registrationKey',
      'indexPartnerDeals',
      'alignPartners'
    ] as const) {
      expect(typeof engine[name]).toBe('function');
    }
    expect(engine.DEFAULT_SETTINGS.protectionDays).toBe(90);
  });
});
