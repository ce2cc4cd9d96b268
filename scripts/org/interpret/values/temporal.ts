/**
 * Apex Date, Datetime and Time values. A Date is a calendar day (days since 1970-01-01, no time
 * zone); a Datetime is an instant (milliseconds since the epoch, UTC); a Time is milliseconds
 * since midnight. The local runtime's users all work in GMT, so "local" and GMT agree.
 */
const DAY_MS = 86_400_000;

export class ApexDate {
  constructor(readonly days: number) {}

  static of(year: number, month: number, day: number): ApexDate {
    return new ApexDate(Math.floor(Date.UTC(year, month - 1, day) / DAY_MS));
  }

  /** 'YYYY-MM-DD' (also accepts a datetime string and takes its date part); null when not a real date. */
  static parse(text: string): ApexDate | null {
    const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(text.trim());
    if (!match) return null;
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const date = ApexDate.of(year, month, day);
    return date.year() === year && date.month() === month && date.day() === day ? date : null;
  }

  private parts(): Date {
    return new Date(this.days * DAY_MS);
  }

  year(): number {
    return this.parts().getUTCFullYear();
  }

  month(): number {
    return this.parts().getUTCMonth() + 1;
  }

  day(): number {
    return this.parts().getUTCDate();
  }

  addDays(count: number): ApexDate {
    return new ApexDate(this.days + count);
  }

  /** Salesforce's addMonths: the same day, clamped to the last day of the target month. */
  addMonths(count: number): ApexDate {
    const year = this.year();
    const monthIndex = this.month() - 1 + count;
    const targetYear = year + Math.floor(monthIndex / 12);
    const targetMonth = ((monthIndex % 12) + 12) % 12;
    const lastDay = new Date(Date.UTC(targetYear, targetMonth + 1, 0)).getUTCDate();
    return ApexDate.of(targetYear, targetMonth + 1, Math.min(this.day(), lastDay));
  }

  addYears(count: number): ApexDate {
    return this.addMonths(count * 12);
  }

  daysBetween(other: ApexDate): number {
    return other.days - this.days;
  }

  toStartOfMonth(): ApexDate {
    return ApexDate.of(this.year(), this.month(), 1);
  }

  /** Sunday-based week start, as for the en_US locale. */
  toStartOfWeek(): ApexDate {
    const weekday = this.parts().getUTCDay();
    return this.addDays(-weekday);
  }

  dayOfYear(): number {
    return this.days - ApexDate.of(this.year(), 1, 1).days + 1;
  }

  toString(): string {
    return this.parts().toISOString().slice(0, 10);
  }

  valueOf(): number {
    return this.days;
  }
}

export class ApexDatetime {
  constructor(readonly ms: number) {}

  static parse(text: string): ApexDatetime | null {
    const trimmed = text.trim();
    if (!/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(trimmed))
      return null;
    const iso =
      trimmed.includes('T') || trimmed.includes(' ') ? trimmed.replace(' ', 'T') : `${trimmed}T00:00:00`;
    const zoned = /(Z|[+-]\d{2}:?\d{2})$/.test(iso) ? iso : `${iso}Z`;
    const ms = Date.parse(zoned);
    return Number.isNaN(ms) ? null : new ApexDatetime(ms);
  }

  static ofGmt(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): ApexDatetime {
    return new ApexDatetime(Date.UTC(year, month - 1, day, hour, minute, second));
  }

  private parts(): Date {
    return new Date(this.ms);
  }

  date(): ApexDate {
    return new ApexDate(Math.floor(this.ms / DAY_MS));
  }

  year(): number {
    return this.parts().getUTCFullYear();
  }

  month(): number {
    return this.parts().getUTCMonth() + 1;
  }

  day(): number {
    return this.parts().getUTCDate();
  }

  hour(): number {
    return this.parts().getUTCHours();
  }

  minute(): number {
    return this.parts().getUTCMinutes();
  }

  second(): number {
    return this.parts().getUTCSeconds();
  }

  millisecond(): number {
    return this.parts().getUTCMilliseconds();
  }

  addMilliseconds(count: number): ApexDatetime {
    return new ApexDatetime(this.ms + count);
  }

  addDays(count: number): ApexDatetime {
    return new ApexDatetime(this.ms + count * DAY_MS);
  }

  addMonths(count: number): ApexDatetime {
    const moved = this.date().addMonths(count);
    return new ApexDatetime(moved.days * DAY_MS + (this.ms - this.date().days * DAY_MS));
  }

  /** ISO 8601 with milliseconds, as the platform serialises a Datetime to JSON. */
  toIso(): string {
    return this.parts()
      .toISOString()
      .replace(/(\.\d{3})Z$/, '$1Z');
  }

  /** `String.valueOf(Datetime)`: 'YYYY-MM-DD HH:MM:SS' in the user's (GMT) time zone. */
  toString(): string {
    return this.parts().toISOString().slice(0, 19).replace('T', ' ');
  }

  valueOf(): number {
    return this.ms;
  }
}

export class ApexTime {
  constructor(readonly ms: number) {}

  toString(): string {
    const date = new Date(this.ms);
    return `${date.toISOString().slice(11, 23)}Z`;
  }

  valueOf(): number {
    return this.ms;
  }
}
