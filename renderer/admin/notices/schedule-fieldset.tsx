import { useStrings } from '../i18n/index.js'
import { type DraftFieldsProps, describedBy, FieldError, InputField } from './form-field.js'
import { ALL_WEEKDAYS, type HoursWindow, MAX_HOURS_WINDOWS } from './notice-draft.js'

type ScheduleProps = DraftFieldsProps & {
  /** The monitor's time zone, in which start and end are wall times. */
  zone: string
}

/** When a notice is shown: its period, its weekdays and its times of day. */
export function ScheduleFieldsets(props: ScheduleProps) {
  return (
    <>
      <PeriodFields {...props} />
      <WeekdaysFieldset {...props} />
      <HoursFieldset {...props} />
    </>
  )
}

function PeriodFields({ draft, errors, update, zone }: ScheduleProps) {
  const s = useStrings()
  return (
    <div class="field-row">
      <InputField
        id="notice-start"
        label={s.form.start}
        hint={s.form.timeHint(zone)}
        error={errors.validFrom}
        type="datetime-local"
        value={draft.start}
        onValue={(start) => update({ start })}
      />
      <InputField
        id="notice-end"
        label={s.form.end}
        hint={s.form.endHint}
        error={errors.validUntil}
        type="datetime-local"
        value={draft.end}
        onValue={(end) => update({ end })}
      />
    </div>
  )
}

function WeekdaysFieldset({ draft, errors, update }: DraftFieldsProps) {
  const s = useStrings()
  return (
    <fieldset
      class="fieldset"
      aria-describedby={describedBy('notice-weekdays', true, errors.weekdays)}
      aria-invalid={errors.weekdays ? 'true' : undefined}
    >
      <legend>{s.form.weekdays}</legend>
      <div class="weekdays">
        {ALL_WEEKDAYS.map((day) => (
          <label class="checkbox" key={day}>
            <input
              id={`notice-weekday-${day}`}
              type="checkbox"
              checked={draft.weekdays.includes(day)}
              aria-label={s.weekdays.long[day - 1]}
              onChange={(event) =>
                update({
                  weekdays: event.currentTarget.checked
                    ? [...draft.weekdays, day].sort((a, b) => a - b)
                    : draft.weekdays.filter((other) => other !== day),
                })
              }
            />
            <span aria-hidden="true">{s.weekdays.short[day - 1]}</span>
          </label>
        ))}
      </div>
      <p id="notice-weekdays-hint" class="field__hint">
        {s.form.weekdaysHint}
      </p>
      <FieldError id="notice-weekdays-error" message={errors.weekdays} />
    </fieldset>
  )
}

/** Up to MAX_HOURS_WINDOWS windows of the day; none means all day. */
function HoursFieldset({ draft, errors, update }: DraftFieldsProps) {
  const s = useStrings()
  const setHours = (index: number, patch: Partial<HoursWindow>) =>
    update({ hours: draft.hours.map((window, at) => (at === index ? { ...window, ...patch } : window)) })

  return (
    <fieldset class="fieldset" aria-describedby={describedBy('notice-hours', true, errors.hours)}>
      <legend>{s.form.hours}</legend>
      {draft.hours.map((window, index) => (
        <div class="hours-row" key={index}>
          {(['from', 'to'] as const).map((end) => {
            const id = `notice-hours-${index}-${end}`
            const error = errors[`hours[${index}].${end}`]
            return (
              <div class="field field--compact" key={end}>
                <label for={id}>
                  {end === 'from' ? s.form.hoursFrom(index + 1) : s.form.hoursTo(index + 1)}
                </label>
                <input
                  id={id}
                  type="time"
                  value={window[end]}
                  aria-invalid={error ? 'true' : undefined}
                  aria-describedby={error ? `${id}-error` : undefined}
                  onInput={(event) => setHours(index, { [end]: event.currentTarget.value })}
                />
                <FieldError id={`${id}-error`} message={error} />
              </div>
            )
          })}
          <button
            type="button"
            class="button button--small"
            onClick={() => update({ hours: draft.hours.filter((_, at) => at !== index) })}
          >
            {s.form.hoursRemove(index + 1)}
          </button>
        </div>
      ))}
      {draft.hours.length < MAX_HOURS_WINDOWS && (
        <button
          id="notice-hours-add"
          type="button"
          class="button button--small"
          onClick={() => update({ hours: [...draft.hours, { from: '08:00', to: '18:00' }] })}
        >
          {s.form.hoursAdd}
        </button>
      )}
      <p id="notice-hours-hint" class="field__hint">
        {s.form.hoursHint}
      </p>
      <FieldError id="notice-hours-error" message={errors.hours} />
    </fieldset>
  )
}
