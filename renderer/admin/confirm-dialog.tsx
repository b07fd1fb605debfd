import type { ComponentChildren } from 'preact'
import { useEffect, useId, useRef } from 'preact/hooks'

export interface ConfirmDialogProps {
  open: boolean
  title: string
  children: ComponentChildren
  confirmLabel: string
  cancelLabel: string
  /** Red confirm button, for what cannot be taken back or interrupts the screen. */
  danger?: boolean
  busy?: boolean
  onConfirm(): void
  onCancel(): void
}

/**
 * A question that must be answered before something happens. A native modal <dialog>: the rest
 * of the page is inert while it is open, so focus stays inside; Escape cancels; focus starts on
 * the harmless choice and goes back to where it came from when the dialog closes.
 */
export function ConfirmDialog(props: ConfirmDialogProps) {
  const { open, title, children, confirmLabel, cancelLabel, danger, busy, onConfirm, onCancel } = props
  const dialog = useRef<HTMLDialogElement>(null)
  const cancelButton = useRef<HTMLButtonElement>(null)
  const returnTo = useRef<HTMLElement | null>(null)
  const titleId = useId()
  const textId = useId()

  useEffect(() => {
    const element = dialog.current
    if (!element) return
    if (open && !element.open) {
      returnTo.current = document.activeElement instanceof HTMLElement ? document.activeElement : null
      element.showModal()
      cancelButton.current?.focus()
    } else if (!open && element.open) {
      element.close()
      if (returnTo.current?.isConnected) returnTo.current.focus()
    }
  }, [open])

  return (
    <dialog
      ref={dialog}
      class="dialog"
      aria-labelledby={titleId}
      aria-describedby={textId}
      onCancel={(event) => {
        event.preventDefault()
        if (!busy) onCancel()
      }}
      onKeyDown={(event) => trapFocus(event, dialog.current)}
    >
      <h2 id={titleId} class="dialog__title">
        {title}
      </h2>
      <div id={textId} class="dialog__text">
        {children}
      </div>
      <div class="dialog__actions">
        <button
          ref={cancelButton}
          type="button"
          class="button"
          onClick={() => busy || onCancel()}
          aria-disabled={busy ? 'true' : undefined}
        >
          {cancelLabel}
        </button>
        <button
          type="button"
          class={danger ? 'button button--danger' : 'button button--primary'}
          onClick={() => busy || onConfirm()}
          aria-disabled={busy ? 'true' : undefined}
        >
          {confirmLabel}
        </button>
      </div>
    </dialog>
  )
}

/** Tab from the last button goes to the first and Shift+Tab from the first to the last, never out of the dialog. */
function trapFocus(event: KeyboardEvent, dialog: HTMLDialogElement | null): void {
  if (event.key !== 'Tab' || !dialog) return
  const focusable = [...dialog.querySelectorAll<HTMLElement>('button, [href], input, select, textarea')]
  const first = focusable[0]
  const last = focusable[focusable.length - 1]
  if (!first || !last) return
  if (event.shiftKey && document.activeElement === first) {
    event.preventDefault()
    last.focus()
  } else if (!event.shiftKey && document.activeElement === last) {
    event.preventDefault()
    first.focus()
  }
}
