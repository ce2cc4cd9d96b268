import { fiscalPeriodOf, weekOfQuarter } from './calendar';
import type { IsoDate } from './records';
import type { PsmsSettings } from './settings';

/** The review meetings due in the week of the quarter that contains a date (SPEC §1). */

export interface DueMeeting {
  name: string;
  audience: string;
  agenda: string;
}

export interface CadenceReport {
  period: string;
  week: number;
  meetings: DueMeeting[];
}

export function cadenceFor(
  date: IsoDate,
  settings: Pick<PsmsSettings, 'fiscalYearStartMonth' | 'cadence'>
): CadenceReport {
  const week = weekOfQuarter(date, settings.fiscalYearStartMonth);
  const meetings = settings.cadence
    .filter((meeting) => meeting.weeks.includes(week))
    .map(({ name, audience, agenda }) => ({ name, audience, agenda }));
  return { period: fiscalPeriodOf(date, settings.fiscalYearStartMonth).label, week, meetings };
}
