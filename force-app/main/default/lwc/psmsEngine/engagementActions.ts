import {
  approveRegistration,
  convertRegistration,
  expireRegistration,
  extendRegistration,
  rejectRegistration,
  submitRegistration,
  withdrawRegistration,
  type ExistingRecords,
  type RegistrationResult
} from './engagementRules';
import { openDispute, resolveDispute, type DisputeResult } from './disputes';
import type { Deal_Registration__c, IsoDate, RecordId } from './records';
import { canTransition, isExpiringSoon, isOverdue } from './registrationStatus';
import { withSettings, type PsmsSettings, type SettingsOverrides } from './settings';

/**
 * One engagement-rule request, as engagementRuleCases.json writes it: the existing records,
 * the action, and the submission or the target registration. The workbench's local adapter and
 * the case tests (Jest here, Apex in an org) all go through this one entry point.
 */

export type EngagementAction =
  | 'submit'
  | 'approve'
  | 'reject'
  | 'extend'
  | 'expire'
  | 'withdraw'
  | 'convert'
  | 'transition'
  | 'overdue'
  | 'expiringSoon'
  | 'openDispute'
  | 'resolveDispute';

export interface EngagementRequest {
  action: EngagementAction;
  today: IsoDate;
  settings?: SettingsOverrides;
  existing: Partial<ExistingRecords>;
  /** For `submit`: the new registration. */
  submission?: Deal_Registration__c;
  /** For the other actions: the registration (an existing one by Id, overlaid with these fields). */
  target?: Partial<Deal_Registration__c>;
  /** For `reject`: the rejection reason; for `openDispute`: why the decision is disputed. */
  reason?: string;
  /** For `resolveDispute`: `Partner`, `Direct` or `Co-Sell`, and the required note. */
  resolution?: string;
  note?: string;
  /** For the dispute actions: who raises or resolves it. */
  userId?: RecordId;
  /** For `convert`. */
  opportunityId?: RecordId;
  /** For `transition`. */
  from?: string;
  to?: string;
}

export type EngagementResponse = RegistrationResult | DisputeResult | { ok: true; value: boolean };

function resolveTarget(request: EngagementRequest, existing: ExistingRecords): Deal_Registration__c | null {
  const target = request.target;
  if (!target) {
    return null;
  }
  const stored = target.Id
    ? existing.registrations.find((registration) => registration.Id === target.Id)
    : undefined;
  const merged = { ...stored, ...target };
  return merged.Partner_Account__c !== undefined && merged.Status__c !== undefined
    ? (merged as Deal_Registration__c)
    : null;
}

export function applyEngagementAction(request: EngagementRequest): EngagementResponse {
  const settings = withSettings(request.settings);
  const existing: ExistingRecords = {
    registrations: request.existing.registrations ?? [],
    opportunities: request.existing.opportunities ?? [],
    partnerDeals: request.existing.partnerDeals ?? [],
    disputes: request.existing.disputes ?? []
  };
  if (request.action === 'transition') {
    return { ok: true, value: canTransition(request.from ?? '', request.to ?? '') };
  }
  if (request.action === 'submit') {
    return request.submission
      ? submitRegistration(request.submission, existing, request.today)
      : { ok: false, error: 'A submit request needs a submission.' };
  }
  if (request.action === 'openDispute' || request.action === 'resolveDispute') {
    return disputeAction(request, existing, settings);
  }
  const target = resolveTarget(request, existing);
  if (target === null) {
    return {
      ok: false,
      error: `A ${request.action} request needs a target registration with a partner and a status.`
    };
  }
  switch (request.action) {
    case 'approve':
      return approveRegistration(target, existing, request.today, settings);
    case 'reject':
      return rejectRegistration(target, request.reason ?? '', request.today);
    case 'extend':
      return extendRegistration(target, request.today, settings);
    case 'expire':
      return expireRegistration(target, existing, request.today);
    case 'withdraw':
      return withdrawRegistration(target);
    case 'convert':
      return convertRegistration(target, request.opportunityId ?? '');
    case 'overdue':
      return { ok: true, value: isOverdue(target, request.today, settings) };
    case 'expiringSoon':
      return { ok: true, value: isExpiringSoon(target, request.today, settings) };
    default:
      // The case file and the local adapter pass JSON: an unknown action is possible at run time.
      return { ok: false, error: `Unknown engagement action "${String(request.action)}".` };
  }
}

/**
 * The dispute actions act on stored records only: the target must be an existing registration
 * (by Id, overlaid with the case's fields), and a resolution resolves its open dispute.
 */
function disputeAction(
  request: EngagementRequest,
  existing: ExistingRecords,
  settings: PsmsSettings
): DisputeResult {
  const id = request.target?.Id;
  const stored = id ? existing.registrations.find((registration) => registration.Id === id) : undefined;
  const registration = stored && { ...stored, ...request.target };
  if (request.action === 'openDispute') {
    return openDispute(registration, { reason: request.reason, raisedBy: request.userId }, existing);
  }
  const dispute = (existing.disputes ?? []).find(
    (candidate) => candidate.Deal_Registration__c === id && candidate.Status__c === 'Open'
  );
  return resolveDispute(
    dispute,
    registration,
    { resolution: request.resolution ?? '', note: request.note, resolvedBy: request.userId },
    existing,
    request.today,
    settings
  );
}
