import ICAL from 'ical.js'

type IcalTime = ICAL.Time

/**
 * Thrown from inside ical.js callbacks (and the expansion loop) to stop an expansion that ran out
 * of budget: one event's steps, the calendar's occurrences, or the parse's time.
 */
export class BudgetExhausted extends Error {
  constructor(readonly reason: 'steps' | 'occurrences' | 'time') {
    super(`expansion budget exhausted: ${reason}`)
  }
}

/**
 * Counts the work one event's expansion does and ends it when it has done enough. The wall-clock
 * deadline is shared by the whole calendar; the step limit is per event.
 */
export class ExpansionBudget {
  private steps = 0

  constructor(
    private readonly maxSteps: number,
    private readonly deadline: number,
  ) {}

  tick(): void {
    if (++this.steps > this.maxSteps) throw new BudgetExhausted('steps')
    if (performance.now() > this.deadline) throw new BudgetExhausted('time')
  }
}

interface IteratorInternals {
  init(): void
  check_contracting_rules(): boolean
  expand_year_days(year: number): number
}

/**
 * An ical.js iterator whose inner loops report to the budget. `next()` alone can loop forever:
 * `FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30` checks day after day for a date that never comes, and an
 * impossible YEARLY rule searches up to the year 20000 before giving up.
 */
export function guardedIterator(
  rule: ICAL.Recur,
  dtstart: IcalTime,
  budget: ExpansionBudget,
): ICAL.RecurIterator {
  const iterator = new ICAL.RecurIterator({ rule, dtstart, initialized: true })
  const internals = iterator as unknown as IteratorInternals
  const checkRules = internals.check_contracting_rules.bind(iterator)
  const expandYear = internals.expand_year_days.bind(iterator)
  internals.check_contracting_rules = () => {
    budget.tick()
    return checkRules()
  }
  internals.expand_year_days = (year) => {
    budget.tick()
    return expandYear(year)
  }
  // Throws for rules that contradict themselves or can never produce a date.
  internals.init()
  return iterator
}

const FIXED_PERIOD_SECONDS: Partial<Record<string, number>> = {
  SECONDLY: 1,
  MINUTELY: 60,
  HOURLY: 3600,
  DAILY: 86_400,
  WEEKLY: 604_800,
}
const DAY_MS = 86_400_000

/**
 * A later DTSTART that yields the same occurrences from `before` on, so a daily event that
 * started in 2012 does not spend its step budget walking to today. Only for rules whose periods
 * are a fixed length of wall-clock time and that do not count occurrences from the real start.
 * The moved start lands two days plus `spanMs` before `before`, so if it is not itself an
 * occurrence (DTSTART need not match the rule) it still falls outside the window.
 */
export function fastForward(rule: ICAL.Recur, dtstart: IcalTime, before: Date, spanMs: number): IcalTime {
  const unit = FIXED_PERIOD_SECONDS[rule.freq ?? '']
  const parts = rule.parts
  if (!unit || rule.count || parts.BYSETPOS || parts.BYWEEKNO || parts.BYYEARDAY) return dtstart
  if (dtstart.isDate && unit < 86_400) return dtstart
  const periodMs = unit * 1000 * Math.max(1, rule.interval || 1)
  const wall = Date.UTC(
    dtstart.year,
    dtstart.month - 1,
    dtstart.day,
    dtstart.hour,
    dtstart.minute,
    dtstart.second,
  )
  const periods = Math.floor((before.getTime() - spanMs - 2 * DAY_MS - wall) / periodMs)
  if (periods < 2) return dtstart
  const moved = new Date(wall + periods * periodMs)
  return new ICAL.Time(
    {
      year: moved.getUTCFullYear(),
      month: moved.getUTCMonth() + 1,
      day: moved.getUTCDate(),
      hour: dtstart.isDate ? 0 : moved.getUTCHours(),
      minute: dtstart.isDate ? 0 : moved.getUTCMinutes(),
      second: dtstart.isDate ? 0 : moved.getUTCSeconds(),
      isDate: dtstart.isDate,
    },
    dtstart.zone,
  )
}
