import type { AgendaInput } from './agendaData';
import { fiscalPeriodOf, parsePeriod, weekDates } from './calendar';
import {
  businessReviewAgenda,
  eltAgenda,
  rollUpAgenda,
  type BusinessReviewAgenda,
  type EltAgenda,
  type RollUpAgenda
} from './leadershipAgendas';
import {
  forecastOneOnOneAgenda,
  pipelineOneOnOneAgenda,
  type ForecastOneOnOneAgenda,
  type PipelineOneOnOneAgenda
} from './oneOnOneAgendas';
import type { IsoDate } from './records';
import type { ReviewMeeting } from './settings';
import { teamCallAgenda, type TeamCallAgenda } from './teamCallAgenda';

/**
 * Which live agenda (SPEC §10) a cadence meeting opens on. The cadence is data
 * (Review_Meeting__mdt), so a meeting is matched by its spec name first, then by what its name
 * says (an admin who renames "QBR (Quarterly Business Review)" to "QBR" keeps its agenda); a
 * meeting added by an admin that matches none has no live agenda.
 */

export type AgendaKind =
  'teamCall' | 'forecastOneOnOne' | 'pipelineOneOnOne' | 'rollUp' | 'businessReview' | 'elt';

export type MeetingAgenda =
  | TeamCallAgenda
  | ForecastOneOnOneAgenda
  | PipelineOneOnOneAgenda
  | RollUpAgenda
  | BusinessReviewAgenda
  | EltAgenda;

const BY_NAME: readonly [RegExp, AgendaKind][] = [
  [/^weekly partner team call$|team call/i, 'teamCall'],
  [/forecast\s*&\s*acquisition|forecast.*1:1/i, 'forecastOneOnOne'],
  [/pipeline\s*&\s*account planning|pipeline.*1:1|account planning/i, 'pipelineOneOnOne'],
  [/ceo|cfo|roll-?up/i, 'rollUp'],
  [/\bmbr\b|\bqbr\b|business review/i, 'businessReview'],
  [/\belt\b|executive leadership/i, 'elt']
];

export function agendaKindOf(meetingName: string): AgendaKind | null {
  return BY_NAME.find(([pattern]) => pattern.test(meetingName.trim()))?.[1] ?? null;
}

/** Whether a meeting is held per rep (the 1:1s). */
export function isOneOnOne(kind: AgendaKind | null): boolean {
  return kind === 'forecastOneOnOne' || kind === 'pipelineOneOnOne';
}

export function meetingAgenda(kind: AgendaKind, input: AgendaInput): MeetingAgenda {
  switch (kind) {
    case 'teamCall':
      return teamCallAgenda(input);
    case 'forecastOneOnOne':
      return forecastOneOnOneAgenda(input);
    case 'pipelineOneOnOne':
      return pipelineOneOnOneAgenda(input);
    case 'rollUp':
      return rollUpAgenda(input);
    case 'businessReview':
      return businessReviewAgenda(input);
    default:
      return eltAgenda(input);
  }
}

export interface CalendarMeeting {
  name: string;
  audience: string;
  agenda: string;
  kind: AgendaKind | null;
}

export interface CalendarWeek {
  week: number;
  start: IsoDate;
  end: IsoDate;
  /** The week that contains today. */
  current: boolean;
  meetings: CalendarMeeting[];
}

/** The review meetings due in week `week` of a quarter (SPEC §1: the cadence table is data). */
export function meetingsInWeek(week: number, cadence: readonly ReviewMeeting[]): CalendarMeeting[] {
  return cadence
    .filter((meeting) => meeting.weeks.includes(week))
    .map(({ name, audience, agenda }) => ({ name, audience, agenda, kind: agendaKindOf(name) }));
}

/** The 13 weeks of a quarter (default: today's) with their dates and meetings; today's week marked. */
export function quarterCalendar(
  today: IsoDate,
  settings: { fiscalYearStartMonth: number; cadence: readonly ReviewMeeting[] },
  period?: string
): { period: string; weeks: CalendarWeek[] } {
  const quarter = period
    ? parsePeriod(period, settings.fiscalYearStartMonth)
    : fiscalPeriodOf(today, settings.fiscalYearStartMonth);
  const weeks = Array.from({ length: 13 }, (_unused, index): CalendarWeek => {
    const week = index + 1;
    const dates = weekDates(quarter, week);
    return {
      week,
      ...dates,
      current: today >= dates.start && today <= dates.end,
      meetings: meetingsInWeek(week, settings.cadence)
    };
  });
  return { period: quarter.label, weeks };
}
