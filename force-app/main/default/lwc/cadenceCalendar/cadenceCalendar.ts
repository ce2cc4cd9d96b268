// Presentation component: the 13 weeks of a fiscal quarter with the meetings due in each, today's week marked; emits `weekselect` with the week chosen.
import { LightningElement, api } from 'lwc';
import type { CalendarWeek } from 'c/psmsEngine';
import { formatLabel } from 'c/displayFormat';
import LABEL_CAPTION from '@salesforce/label/c.PSMS_CadenceCalendar_Caption';
import LABEL_WEEK from '@salesforce/label/c.PSMS_Label_Week';
import LABEL_TODAY from '@salesforce/label/c.PSMS_CadenceCalendar_This_Week';
import LABEL_MEETINGS from '@salesforce/label/c.PSMS_CadenceCalendar_Meetings';

/** A short date such as "22 Apr" in the user's locale (dates are calendar dates: read in UTC). */
function shortDate(iso: string): string {
  return new Intl.DateTimeFormat(typeof navigator !== 'undefined' ? navigator.language : undefined, {
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC'
  }).format(new Date(`${iso}T00:00:00Z`));
}

export default class CadenceCalendar extends LightningElement {
  @api weeks: CalendarWeek[] = [];
  /** The week whose meetings are open. */
  @api selectedWeek = 1;

  readonly labels = { caption: LABEL_CAPTION, today: LABEL_TODAY };

  get cells() {
    return this.weeks.map((week) => {
      const selected = week.week === this.selectedWeek;
      const names = week.meetings.map((meeting) => meeting.name);
      return {
        key: String(week.week),
        week: String(week.week),
        title: formatLabel(LABEL_WEEK, week.week),
        dates: `${shortDate(week.start)} – ${shortDate(week.end)}`,
        current: week.current,
        pressed: selected ? 'true' : 'false',
        meetings: week.meetings.map((meeting) => ({ key: meeting.name, name: meeting.name })),
        description: formatLabel(LABEL_MEETINGS, names.length, names.join(', ')),
        className: [
          'week slds-box slds-box_x-small slds-text-align_left',
          selected ? 'selected' : '',
          week.current ? 'current' : ''
        ]
          .filter(Boolean)
          .join(' ')
      };
    });
  }

  handleSelect(event: Event): void {
    const week = Number((event.currentTarget as HTMLElement).dataset.week);
    this.dispatchEvent(new CustomEvent('weekselect', { detail: { week } }));
  }
}
