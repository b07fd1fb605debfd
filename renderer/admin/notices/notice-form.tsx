import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks'
import { type Notice, type NoticeInput, NoticeSchema } from '../../../contracts/notice.js'
import type { ApiClient } from '../api-client.js'
import { type Priority, useStrings } from '../i18n/index.js'
import type { MonitorView } from '../monitor.js'
import { FormActions, UrgentDialog } from './form-actions.js'
import { ErrorSummary, Field, InputField } from './form-field.js'
import { ImageField, useImageUpload } from './image-field.js'
import {
  checkDraft,
  draftFromNotice,
  emptyDraft,
  type FieldErrors,
  firstErrorKey,
  type NoticeDraft,
  problemsToErrors,
} from './notice-draft.js'
import { NoticePreview } from './notice-preview.js'
import { ScheduleFieldsets } from './schedule-fieldset.js'
import { TargetsFieldset } from './targets-fieldset.js'

const CONTROL_IDS: Record<string, string> = {
  title: 'notice-title',
  text: 'notice-text',
  imageId: 'notice-image',
  url: 'notice-url',
  validFrom: 'notice-start',
  validUntil: 'notice-end',
  weekdays: 'notice-weekday-1',
  hours: 'notice-hours-add',
  priority: 'notice-priority',
  'targets.monitors': 'notice-monitors',
  'targets.tags': 'notice-tags',
  form: 'notice-form-errors',
}

/** The element to focus for a field's error. */
function controlId(key: string): string {
  const hours = /^hours\[(\d+)\]\.(from|to)$/.exec(key)
  if (hours) return `notice-hours-${hours[1]}-${hours[2]}`
  return CONTROL_IDS[key] ?? 'notice-form-errors'
}

export interface NoticeFormProps {
  client: ApiClient
  monitor: MonitorView
  /** The notice being changed; absent for a new one. */
  editing?: Notice | undefined
  /** Move the focus to the form's heading when it appears (after "Bearbeiten" or a save). */
  focusOnMount: boolean
  onSaved(message: string): void
  onCancelEdit(): void
}

/**
 * A notice's fields, checked with the API's own schema before anything is sent; refused input
 * (here or by the API) is marked at each field, in words, and nothing is stored. Beside it the
 * live preview. An urgent notice ("Eilmeldung") goes out only through its own red button and a
 * question, because it interrupts the screen.
 */
export function NoticeForm({
  client,
  monitor,
  editing,
  focusOnMount,
  onSaved,
  onCancelEdit,
}: NoticeFormProps) {
  const s = useStrings()
  const zone = monitor.timeZone
  const [draft, setDraft] = useState<NoticeDraft>(() =>
    editing ? draftFromNotice(editing, zone) : emptyDraft(monitor.clock.now(), zone),
  )
  const [submitted, setSubmitted] = useState(false)
  const [serverErrors, setServerErrors] = useState<FieldErrors>({})
  const [formError, setFormError] = useState<string>()
  const [busy, setBusy] = useState(false)
  const [urgentOpen, setUrgentOpen] = useState(false)
  const [focusKey, setFocusKey] = useState<string>()
  const heading = useRef<HTMLHeadingElement>(null)

  const check = useMemo(() => checkDraft(draft, zone, s.form), [draft, zone, s])
  const errors: FieldErrors = { ...(submitted && !check.ok ? check.errors : {}), ...serverErrors }

  useLayoutEffect(() => {
    if (focusOnMount) heading.current?.focus()
  }, [])

  useEffect(() => {
    if (!focusKey) return
    document.getElementById(controlId(focusKey))?.focus()
    setFocusKey(undefined)
  }, [focusKey])

  const update = (patch: Partial<NoticeDraft>) => {
    setDraft((current) => ({ ...current, ...patch }))
    setServerErrors({})
    setFormError(undefined)
  }

  const image = useImageUpload({
    client,
    storedImageId: editing?.imageId,
    setErrors: setServerErrors,
    onUploaded: (imageId) => setDraft((current) => ({ ...current, imageId })),
    onRemoved: () => update({ imageId: undefined }),
  })

  /** The checked input, or undefined after marking what is wrong and focusing the first of it. */
  const validInput = (priority: Priority = draft.priority): NoticeInput | undefined => {
    const result = checkDraft({ ...draft, priority }, zone, s.form)
    if (result.ok) return result.input
    setSubmitted(true)
    setFocusKey(firstErrorKey(result.errors))
    return undefined
  }

  const save = async (priority: Priority): Promise<void> => {
    if (busy) return
    const input = validInput(priority)
    if (!input) return
    setBusy(true)
    const sent = editing
      ? await client.json('PUT', `/notices/${encodeURIComponent(editing.id)}`, input, NoticeSchema)
      : await client.json('POST', '/notices', input, NoticeSchema)
    setBusy(false)
    if (!sent.ok) {
      const fieldErrors = problemsToErrors(sent.error.problems)
      setServerErrors(fieldErrors)
      setFormError(sent.error.message)
      setSubmitted(true)
      setFocusKey(firstErrorKey(fieldErrors) ?? 'form')
      return
    }
    const becameUrgent = priority === 'urgent' && editing?.priority !== 'urgent'
    onSaved(becameUrgent ? s.urgent.sent(sent.data.title) : s.form.saved(sent.data.title))
  }

  const priorities: Priority[] =
    draft.priority === 'urgent' ? ['normal', 'high', 'urgent'] : ['normal', 'high']

  return (
    <section class="panel editor" aria-labelledby="notice-form-heading">
      <h2 id="notice-form-heading" tabIndex={-1} ref={heading}>
        {editing ? s.form.editHeading(editing.title) : s.form.newHeading}
      </h2>
      <div class="editor__grid">
        <form
          class="notice-form"
          noValidate
          onSubmit={(event) => {
            event.preventDefault()
            void save(draft.priority)
          }}
          aria-busy={busy ? 'true' : undefined}
        >
          <ErrorSummary submitted={submitted} errors={errors} formError={formError} />

          <InputField
            id="notice-title"
            label={s.form.title}
            error={errors.title}
            type="text"
            value={draft.title}
            autocomplete="off"
            onValue={(title) => update({ title })}
          />

          <Field id="notice-text" label={s.form.text} hint={s.form.textHint} error={errors.text}>
            {(aria) => (
              <textarea
                {...aria}
                rows={5}
                value={draft.text}
                onInput={(event) => update({ text: event.currentTarget.value })}
              />
            )}
          </Field>

          <ImageField upload={image} imageId={draft.imageId} error={errors.imageId} />

          <InputField
            id="notice-url"
            label={s.form.url}
            hint={s.form.urlHint}
            error={errors.url}
            type="url"
            inputMode="url"
            autocomplete="off"
            value={draft.url}
            onValue={(url) => update({ url })}
          />

          <ScheduleFieldsets draft={draft} errors={errors} update={update} zone={zone} />

          <Field
            id="notice-priority"
            label={s.form.priority}
            hint={s.form.priorityHint}
            error={errors.priority}
          >
            {(aria) => (
              <select
                {...aria}
                value={draft.priority}
                onChange={(event) => update({ priority: event.currentTarget.value as Priority })}
              >
                {priorities.map((priority) => (
                  <option key={priority} value={priority}>
                    {s.priority[priority]}
                  </option>
                ))}
              </select>
            )}
          </Field>

          <TargetsFieldset draft={draft} errors={errors} update={update} />

          <FormActions
            busy={busy}
            editing={Boolean(editing)}
            urgentOffered={draft.priority !== 'urgent'}
            onUrgent={() => {
              if (validInput('urgent')) setUrgentOpen(true)
            }}
            onCancelEdit={onCancelEdit}
          />
        </form>
        <NoticePreview
          draft={draft}
          imageUrl={image.url}
          monitor={monitor}
          client={client}
          validInput={validInput}
        />
      </div>
      <UrgentDialog
        open={urgentOpen}
        busy={busy}
        title={draft.title}
        start={draft.start}
        monitor={monitor}
        onConfirm={() => {
          void save('urgent').then(() => setUrgentOpen(false))
        }}
        onCancel={() => setUrgentOpen(false)}
      />
    </section>
  )
}
