import type { AdapterContext } from './adapterContext';
import {
  addPartnerDeal,
  getConflictCandidates,
  getDealPartners,
  searchPartners,
  setCoSell,
  submitRegistrationOperation
} from './operations/dealOperations';
import { getPipeline, getSnapshots, submitForecastCall } from './operations/forecastOperations';
import {
  getHygieneInputs,
  getKpiInputs,
  getMaturityInputs,
  getPlanHealth,
  getSettings
} from './operations/insightOperations';
import {
  decideRegistration,
  extendRegistrationOperation,
  getDeskQueue,
  raiseDispute,
  resolveDisputeOperation
} from './operations/registrationDeskOperations';
import { notFound } from './requestError';

/**
 * Every operation of force-app/types/psmsOperations.d.ts, by its `Class.method` name: the
 * endpoint `POST /api/<Class>.<method>` runs the local implementation with the JSON body as
 * its single request argument, as Aura passes an Apex method its parameters.
 */
export type Operation = (ctx: AdapterContext, body: unknown) => unknown;

export const OPERATIONS: Readonly<Record<string, Operation>> = {
  'PsmsSettingsController.getSettings': getSettings,
  'PartnerForecastController.getPipeline': getPipeline,
  'PartnerForecastController.submitForecastCall': submitForecastCall,
  'PartnerForecastController.getSnapshots': getSnapshots,
  'PartnerDealsController.getDealPartners': getDealPartners,
  'PartnerDealsController.addPartnerDeal': addPartnerDeal,
  'PartnerDealsController.setCoSell': setCoSell,
  'PartnerDealsController.searchPartners': searchPartners,
  'PartnerDealsController.getConflictCandidates': getConflictCandidates,
  'PartnerDealsController.submitRegistration': submitRegistrationOperation,
  'RegistrationDeskController.getDeskQueue': getDeskQueue,
  'RegistrationDeskController.decideRegistration': decideRegistration,
  'RegistrationDeskController.extendRegistration': extendRegistrationOperation,
  'RegistrationDeskController.raiseDispute': raiseDispute,
  'RegistrationDeskController.resolveDispute': resolveDisputeOperation,
  'PipelineHygieneController.getHygieneInputs': getHygieneInputs,
  'PartnerKpiController.getKpiInputs': getKpiInputs,
  'AccountPlanController.getPlanHealth': getPlanHealth,
  'MaturityController.getMaturityInputs': getMaturityInputs
};

export function runOperation(ctx: AdapterContext, name: string, body: unknown): unknown {
  const operation = Object.hasOwn(OPERATIONS, name) ? OPERATIONS[name] : undefined;
  if (!operation)
    throw notFound(`No operation ${name}; the workbench implements: ${Object.keys(OPERATIONS).join(', ')}.`);
  return operation(ctx, body);
}
