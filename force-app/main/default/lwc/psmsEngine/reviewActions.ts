import { compareText } from './agendaData';
import type { IsoDate, RecordId, Review_Action__c } from './records';

/** Review actions (SPEC §10): the coaching actions a 1:1 assigns, their overdue state and order. */

export const ACTION_OPEN = 'Open';
export const ACTION_DONE = 'Done';

export interface ActionRow {
  actionId: RecordId;
  subject: string;
  ownerId: RecordId | null;
  assignedBy: RecordId | null;
  meeting: string | null;
  dueOn: IsoDate | null;
  overdue: boolean;
  opportunityId: RecordId | null;
  partnerId: RecordId | null;
}

/** Overdue: Open and due before T. */
export function isActionOverdue(action: Review_Action__c, today: IsoDate): boolean {
  return action.Status__c === ACTION_OPEN && action.Due_On__c != null && action.Due_On__c < today;
}

/**
 * The open actions (of one owner, when given), overdue first, then by due date (an action with
 * no due date last), then by id.
 */
export function openActions(
  actions: readonly Review_Action__c[],
  today: IsoDate,
  owner?: RecordId | null
): ActionRow[] {
  return actions
    .filter((a) => a.Status__c === ACTION_OPEN && (owner == null || a.Owner__c === owner))
    .map((a) => actionRow(a, today))
    .sort(
      (a, b) =>
        Number(b.overdue) - Number(a.overdue) ||
        compareText(a.dueOn ?? '9999-12-31', b.dueOn ?? '9999-12-31') ||
        compareText(a.actionId, b.actionId)
    );
}

export function actionRow(action: Review_Action__c, today: IsoDate): ActionRow {
  return {
    actionId: action.Id ?? '',
    subject: action.Subject__c ?? '',
    ownerId: action.Owner__c ?? null,
    assignedBy: action.Assigned_By__c ?? null,
    meeting: action.Meeting__c ?? null,
    dueOn: action.Due_On__c ?? null,
    overdue: isActionOverdue(action, today),
    opportunityId: action.Opportunity__c ?? null,
    partnerId: action.Partner_Account__c ?? null
  };
}

/**
 * Actions done on time ÷ actions due (SPEC §10 scorecard): of the owner's actions due between
 * `from` and `to`, those Done on or before their due date.
 */
export function actionsOnTime(
  actions: readonly Review_Action__c[],
  owner: RecordId,
  from: IsoDate,
  to: IsoDate
): { due: number; doneOnTime: number; rate: number | null } {
  let due = 0;
  let doneOnTime = 0;
  for (const action of actions) {
    if (action.Owner__c !== owner || action.Due_On__c == null) {
      continue;
    }
    if (action.Due_On__c < from || action.Due_On__c > to) {
      continue;
    }
    due++;
    if (
      action.Status__c === ACTION_DONE &&
      action.Done_On__c != null &&
      action.Done_On__c <= action.Due_On__c
    ) {
      doneOnTime++;
    }
  }
  return { due, doneOnTime, rate: due === 0 ? null : doneOnTime / due };
}
