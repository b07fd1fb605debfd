import { ConfirmDialog } from '../confirm-dialog.js'
import { createDateFormat } from '../format.js'
import { useStrings } from '../i18n/index.js'
import type { MonitorView } from '../monitor.js'
import { localToInstant } from './zoned-time.js'

/**
 * Save (or save changes, or cancel editing), and apart from them the red button that sends the
 * notice as urgent: offered only while the notice is not urgent yet.
 */
export function FormActions({
  busy,
  editing,
  urgentOffered,
  onUrgent,
  onCancelEdit,
}: {
  busy: boolean
  editing: boolean
  urgentOffered: boolean
  onUrgent(): void
  onCancelEdit(): void
}) {
  const s = useStrings()
  return (
    <>
      <div class="form-actions">
        <button type="submit" class="button button--primary" aria-disabled={busy ? 'true' : undefined}>
          {busy ? s.form.saving : editing ? s.form.saveChanges : s.form.save}
        </button>
        {editing && (
          <button type="button" class="button" onClick={onCancelEdit}>
            {s.form.cancelEdit}
          </button>
        )}
      </div>
      {urgentOffered && (
        <div class="urgent-action">
          <button
            type="button"
            class="button button--danger"
            aria-describedby="notice-urgent-hint"
            onClick={onUrgent}
          >
            {s.form.urgent}
          </button>
          <p id="notice-urgent-hint" class="field__hint">
            {s.form.urgentHint}
          </p>
        </div>
      )}
    </>
  )
}

/** The question before an urgent notice goes out: it interrupts the screen now or from its start. */
export function UrgentDialog({
  open,
  busy,
  title,
  start,
  monitor,
  onConfirm,
  onCancel,
}: {
  open: boolean
  busy: boolean
  /** The notice's title and start (a wall time on the monitor's clock), as typed. */
  title: string
  start: string
  monitor: MonitorView
  onConfirm(): void
  onCancel(): void
}) {
  const s = useStrings()
  const zone = monitor.timeZone
  const startsAt = localToInstant(start, zone)
  const startsNow = startsAt === undefined || startsAt <= monitor.clock.now()
  const dateFormat = createDateFormat(s.language, zone)
  return (
    <ConfirmDialog
      open={open}
      title={s.urgent.title}
      confirmLabel={s.urgent.confirm}
      cancelLabel={s.cancel}
      danger
      busy={busy}
      onConfirm={onConfirm}
      onCancel={onCancel}
    >
      <p class="dialog__headline">„{title.trim()}“</p>
      <p>
        {startsNow || startsAt === undefined
          ? s.urgent.textNow
          : s.urgent.textLater(dateFormat.dateTime(startsAt))}
      </p>
    </ConfirmDialog>
  )
}
