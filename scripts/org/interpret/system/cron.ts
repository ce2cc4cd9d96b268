import { PlatformError } from '../../platformError';

/**
 * Salesforce cron expressions (`Seconds Minutes Hours Day_of_month Month Day_of_week [Year]`)
 * and the next time one fires after a given instant (UTC), for CronTrigger.NextFireTime. Day of
 * week counts 1 = Sunday; `?` means "no value"; `L` in day of month is the month's last day.
 */
const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const DAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];

type Matcher = (value: number, context?: { lastDay: number }) => boolean;

function invalid(expression: string): PlatformError {
  return new PlatformError('System.StringException', `Invalid cron expression: ${expression}`);
}

function field(
  text: string,
  min: number,
  max: number,
  names: string[],
  expression: string,
  offset: number
): Matcher {
  if (text === '*' || text === '?') return () => true;
  const named = (token: string): number => {
    const index = names.indexOf(token.toUpperCase());
    if (index >= 0) return index + offset;
    const n = Number(token);
    if (!Number.isInteger(n) || n < min || n > max) throw invalid(expression);
    return n;
  };
  const parts = text.split(',').map((part): Matcher => {
    if (part === 'L') return (value, context) => value === context?.lastDay;
    const [range, step] = part.split('/');
    const every = step === undefined ? 1 : Number(step);
    if (!Number.isInteger(every) || every < 1) throw invalid(expression);
    let from = min;
    let to = max;
    if (range !== '*') {
      const [a, b] = range.split('-');
      from = named(a);
      to = b === undefined ? (step === undefined ? from : max) : named(b);
    }
    return (value) => value >= from && value <= to && (value - from) % every === 0;
  });
  return (value, context) => parts.some((p) => p(value, context));
}

export function nextFireTime(expression: string, after: number): number | null {
  const parts = expression.trim().split(/\s+/);
  if (parts.length < 6 || parts.length > 7) throw invalid(expression);
  const [sec, min, hour, dom, month, dow, year] = parts;
  const seconds = field(sec, 0, 59, [], expression, 0);
  const minutes = field(min, 0, 59, [], expression, 0);
  const hours = field(hour, 0, 23, [], expression, 0);
  const days = field(dom, 1, 31, [], expression, 0);
  const months = field(month, 1, 12, MONTHS, expression, 1);
  const weekdays = field(dow.replace(/#\d$/, ''), 1, 7, DAYS, expression, 1);
  const years = year ? field(year, 1970, 2099, [], expression, 0) : () => true;
  const start = new Date(after + 1000);
  start.setUTCMilliseconds(0);
  for (let d = 0; d < 366 * 5; d++) {
    const day = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), start.getUTCDate() + d));
    const lastDay = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth() + 1, 0)).getUTCDate();
    if (!years(day.getUTCFullYear()) || !months(day.getUTCMonth() + 1)) continue;
    if (!days(day.getUTCDate(), { lastDay }) || !weekdays(day.getUTCDay() + 1)) continue;
    for (let h = 0; h < 24; h++) {
      if (!hours(h)) continue;
      for (let m = 0; m < 60; m++) {
        if (!minutes(m)) continue;
        for (let s = 0; s < 60; s++) {
          if (!seconds(s)) continue;
          const at = day.getTime() + ((h * 60 + m) * 60 + s) * 1000;
          if (at > after) return at;
        }
      }
    }
  }
  return null;
}
