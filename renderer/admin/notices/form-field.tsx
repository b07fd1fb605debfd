import type { ComponentChildren } from 'preact'
import { useStrings } from '../i18n/index.js'
import type { FieldErrors, NoticeDraft } from './notice-draft.js'

/** What a part of the notice form needs: the draft, its errors and a way to change it. */
export interface DraftFieldsProps {
  draft: NoticeDraft
  errors: FieldErrors
  update(patch: Partial<NoticeDraft>): void
}

/** The attributes that tie a control to its label, hint and error. */
export interface ControlAria {
  id: string
  'aria-invalid'?: 'true'
  'aria-describedby'?: string
}

/** A labelled control with its hint and error, tied together for assistive technology. */
export function Field({
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

/** The attributes of the inputs the notice form has, by type. */
type InputAttributes =
  | { type: 'text'; autocomplete?: 'off'; spellcheck?: boolean }
  | { type: 'url'; inputMode?: 'url'; autocomplete?: 'off' }
  | { type: 'datetime-local' }

type InputFieldProps = InputAttributes & {
  id: string
  label: string
  hint?: string
  error: string | undefined
  value: string
  onValue(value: string): void
}

/**
 * A Field around a one-line input that edits one text of the draft. The input's own attributes
 * (type and the like) are given as props and set in the order they are given.
 */
export function InputField({ id, label, hint, error, value, onValue, ...attributes }: InputFieldProps) {
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      {(aria) => (
        <input
          {...aria}
          {...attributes}
          value={value}
          onInput={(event) => onValue(event.currentTarget.value)}
        />
      )}
    </Field>
  )
}

export function FieldError({ id, message }: { id: string; message: string | undefined }) {
  const s = useStrings()
  if (!message) return null
  return (
    <p id={id} class="field__error">
      {s.translate(message)}
    </p>
  )
}

export function describedBy(id: string, hint: boolean, error: string | undefined): string | undefined {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean)
  return ids.length > 0 ? ids.join(' ') : undefined
}

/** The top of the form, read out when it changes: how many fields are wrong, and what the API said. */
export function ErrorSummary({
  submitted,
  errors,
  formError,
}: {
  submitted: boolean
  errors: FieldErrors
  formError: string | undefined
}) {
  const s = useStrings()
  const errorCount = Object.keys(errors).filter((key) => key !== 'form').length
  return (
    <div id="notice-form-errors" class="form-errors" tabIndex={-1} role="alert">
      {submitted && (errorCount > 0 || formError) && (
        <>
          {errorCount > 0 && <p>{s.form.errorSummary(errorCount)}</p>}
          {formError && <p>{formError}</p>}
          {errors.form && <p>{s.translate(errors.form)}</p>}
        </>
      )}
    </div>
  )
}
