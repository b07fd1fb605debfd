import type { ComponentChildren } from 'preact'
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks'
import { UPLOAD_IMAGE_TYPES, UploadedImageSchema } from '../../../contracts/admin-api.js'
import { type Notice, type NoticeInput, NoticeSchema } from '../../../contracts/notice.js'
import type { ApiClient } from '../api-client.js'
import { ConfirmDialog } from '../confirm-dialog.js'
import { createDateFormat } from '../format.js'
import { useObjectUrl } from '../hooks/use-object-url.js'
import { type Priority, useStrings } from '../i18n.js'
import type { MonitorView } from '../monitor.js'
import {
  ALL_WEEKDAYS,
  checkDraft,
  draftFromNotice,
  emptyDraft,
  type FieldErrors,
  firstErrorKey,
  type HoursWindow,
  MAX_HOURS_WINDOWS,
  type NoticeDraft,
  problemsToErrors,
} from './notice-draft.js'
import { NoticePreview } from './notice-preview.js'
import { localToInstant } from './zoned-time.js'

const MAX_IMAGE_BYTES = 5 * 1024 * 1024
const IMAGE_TYPES: readonly string[] = UPLOAD_IMAGE_TYPES

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

interface ImageState {
  blob?: Blob
  name?: string
  uploading?: boolean
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
  const [image, setImage] = useState<ImageState>({})
  const [focusKey, setFocusKey] = useState<string>()
  const heading = useRef<HTMLHeadingElement>(null)
  const fileInput = useRef<HTMLInputElement>(null)
  const imageUrl = useObjectUrl(image.blob)

  const check = useMemo(() => checkDraft(draft, zone, s.form), [draft, zone, s])
  const errors: FieldErrors = { ...(submitted && !check.ok ? check.errors : {}), ...serverErrors }
  const errorCount = Object.keys(errors).filter((key) => key !== 'form').length

  useLayoutEffect(() => {
    if (focusOnMount) heading.current?.focus()
  }, [])

  useEffect(() => {
    if (!focusKey) return
    document.getElementById(controlId(focusKey))?.focus()
    setFocusKey(undefined)
  }, [focusKey])

  useEffect(() => {
    const imageId = editing?.imageId
    if (!imageId) return
    let live = true
    void client.blob('GET', `/images/${imageId}`).then((result) => {
      if (live && result.ok) setImage({ blob: result.data })
    })
    return () => {
      live = false
    }
  }, [])

  const update = (patch: Partial<NoticeDraft>) => {
    setDraft((current) => ({ ...current, ...patch }))
    setServerErrors({})
    setFormError(undefined)
  }

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

  const chooseImage = async () => {
    const input = fileInput.current
    const file = input?.files?.[0]
    if (!input || !file) return
    setServerErrors({})
    if (!IMAGE_TYPES.includes(file.type) || file.size > MAX_IMAGE_BYTES) {
      input.value = ''
      setServerErrors({
        imageId: IMAGE_TYPES.includes(file.type) ? s.form.imageTooLarge : s.form.imageInvalid,
      })
      return
    }
    setImage({ name: file.name, uploading: true })
    const result = await client.upload('/images', file, UploadedImageSchema)
    if (!result.ok) {
      input.value = ''
      setImage({})
      const notAnImage = result.error.status === 415 || result.error.status === 422
      setServerErrors({ imageId: notAnImage ? s.form.imageInvalid : result.error.message })
      return
    }
    setDraft((current) => ({ ...current, imageId: result.data.id }))
    setImage({ blob: file, name: file.name })
  }

  const removeImage = () => {
    if (fileInput.current) fileInput.current.value = ''
    setImage({})
    update({ imageId: undefined })
  }

  const setHours = (index: number, patch: Partial<HoursWindow>) =>
    update({ hours: draft.hours.map((window, at) => (at === index ? { ...window, ...patch } : window)) })

  const startsAt = localToInstant(draft.start, zone)
  const startsNow = startsAt === undefined || startsAt <= monitor.clock.now()
  const dateFormat = createDateFormat(s.language, zone)
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
          <div id="notice-form-errors" class="form-errors" tabIndex={-1} role="alert">
            {submitted && (errorCount > 0 || formError) && (
              <>
                {errorCount > 0 && <p>{s.form.errorSummary(errorCount)}</p>}
                {formError && <p>{formError}</p>}
                {errors.form && <p>{s.translate(errors.form)}</p>}
              </>
            )}
          </div>

          <Field id="notice-title" label={s.form.title} error={errors.title}>
            {(aria) => (
              <input
                {...aria}
                type="text"
                value={draft.title}
                autocomplete="off"
                onInput={(event) => update({ title: event.currentTarget.value })}
              />
            )}
          </Field>

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

          <Field id="notice-image" label={s.form.image} hint={s.form.imageHint} error={errors.imageId}>
            {(aria) => (
              <div class="image-field">
                <input
                  {...aria}
                  ref={fileInput}
                  type="file"
                  accept={IMAGE_TYPES.join(',')}
                  onChange={() => void chooseImage()}
                />
                <p class="image-field__state" role="status">
                  {image.uploading
                    ? s.form.imageUploading
                    : draft.imageId
                      ? image.name
                        ? s.form.imageUploaded(image.name)
                        : s.form.imageCurrent
                      : ''}
                </p>
                {draft.imageId && !image.uploading && (
                  <button type="button" class="button button--small" onClick={removeImage}>
                    {s.form.imageRemove}
                  </button>
                )}
              </div>
            )}
          </Field>

          <Field id="notice-url" label={s.form.url} hint={s.form.urlHint} error={errors.url}>
            {(aria) => (
              <input
                {...aria}
                type="url"
                inputMode="url"
                autocomplete="off"
                value={draft.url}
                onInput={(event) => update({ url: event.currentTarget.value })}
              />
            )}
          </Field>

          <div class="field-row">
            <Field
              id="notice-start"
              label={s.form.start}
              hint={s.form.timeHint(zone)}
              error={errors.validFrom}
            >
              {(aria) => (
                <input
                  {...aria}
                  type="datetime-local"
                  value={draft.start}
                  onInput={(event) => update({ start: event.currentTarget.value })}
                />
              )}
            </Field>
            <Field id="notice-end" label={s.form.end} hint={s.form.endHint} error={errors.validUntil}>
              {(aria) => (
                <input
                  {...aria}
                  type="datetime-local"
                  value={draft.end}
                  onInput={(event) => update({ end: event.currentTarget.value })}
                />
              )}
            </Field>
          </div>

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

          <fieldset class="fieldset" aria-describedby="notice-targets-hint">
            <legend>{s.form.targets}</legend>
            <div class="field-row">
              <Field id="notice-monitors" label={s.form.monitors} error={errors['targets.monitors']}>
                {(aria) => (
                  <input
                    {...aria}
                    type="text"
                    autocomplete="off"
                    spellcheck={false}
                    value={draft.monitors}
                    onInput={(event) => update({ monitors: event.currentTarget.value })}
                  />
                )}
              </Field>
              <Field id="notice-tags" label={s.form.tags} error={errors['targets.tags']}>
                {(aria) => (
                  <input
                    {...aria}
                    type="text"
                    autocomplete="off"
                    spellcheck={false}
                    value={draft.tags}
                    onInput={(event) => update({ tags: event.currentTarget.value })}
                  />
                )}
              </Field>
            </div>
            <p id="notice-targets-hint" class="field__hint">
              {s.form.targetsHint}
            </p>
          </fieldset>

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
          {draft.priority !== 'urgent' && (
            <div class="urgent-action">
              <button
                type="button"
                class="button button--danger"
                aria-describedby="notice-urgent-hint"
                onClick={() => {
                  if (validInput('urgent')) setUrgentOpen(true)
                }}
              >
                {s.form.urgent}
              </button>
              <p id="notice-urgent-hint" class="field__hint">
                {s.form.urgentHint}
              </p>
            </div>
          )}
        </form>
        <NoticePreview
          draft={draft}
          imageUrl={imageUrl}
          monitor={monitor}
          client={client}
          validInput={validInput}
        />
      </div>
      <ConfirmDialog
        open={urgentOpen}
        title={s.urgent.title}
        confirmLabel={s.urgent.confirm}
        cancelLabel={s.cancel}
        danger
        busy={busy}
        onConfirm={() => {
          void save('urgent').then(() => setUrgentOpen(false))
        }}
        onCancel={() => setUrgentOpen(false)}
      >
        <p class="dialog__headline">„{draft.title.trim()}“</p>
        <p>
          {startsNow || startsAt === undefined
            ? s.urgent.textNow
            : s.urgent.textLater(dateFormat.dateTime(startsAt))}
        </p>
      </ConfirmDialog>
    </section>
  )
}

interface ControlAria {
  id: string
  'aria-invalid'?: 'true'
  'aria-describedby'?: string
}

/** A labelled control with its hint and error, tied together for assistive technology. */
function Field({
  id,
  label,
  hint,
  error,
  children,
}: {
  id: string
  label: string
  hint?: string
  error: string | undefined
  children: (aria: ControlAria) => ComponentChildren
}) {
  const describedby = describedBy(id, Boolean(hint), error)
  return (
    <div class={error ? 'field field--invalid' : 'field'}>
      <label for={id}>{label}</label>
      {children({
        id,
        ...(error ? { 'aria-invalid': 'true' as const } : {}),
        ...(describedby ? { 'aria-describedby': describedby } : {}),
      })}
      {hint && (
        <p id={`${id}-hint`} class="field__hint">
          {hint}
        </p>
      )}
      <FieldError id={`${id}-error`} message={error} />
    </div>
  )
}

function FieldError({ id, message }: { id: string; message: string | undefined }) {
  const s = useStrings()
  if (!message) return null
  return (
    <p id={id} class="field__error">
      {s.translate(message)}
    </p>
  )
}

function describedBy(id: string, hint: boolean, error: string | undefined): string | undefined {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean)
  return ids.length > 0 ? ids.join(' ') : undefined
}
