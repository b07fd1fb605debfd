import type { Ref } from 'preact'
import { useState } from 'preact/hooks'
import type { NoticeWithStatus } from '../../../contracts/admin-api.js'
import type { Notice } from '../../../contracts/notice.js'
import { ConfirmDialog } from '../confirm-dialog.js'
import { createDateFormat } from '../format.js'
import { type Strings, useStrings } from '../i18n/index.js'
import { ALL_WEEKDAYS } from './notice-draft.js'

export interface NoticeListProps {
  notices: readonly NoticeWithStatus[] | undefined
  error: string | undefined
  timeZone: string
  headingRef?: Ref<HTMLHeadingElement>
  onRefresh(): void
  onEdit(notice: Notice): void
  /** Deletes after the person confirmed; resolves to an error message, or undefined when done. */
  onDelete(notice: Notice): Promise<string | undefined>
}

const STATUS_ORDER = { 'on-air': 0, paused: 1, scheduled: 2, expired: 3 } as const
const PRIORITY_ORDER = { urgent: 0, high: 1, normal: 2 } as const

/** Urgent first, then what is on air, paused, scheduled, expired; newest start first within each. */
export function sortNotices(notices: readonly NoticeWithStatus[]): NoticeWithStatus[] {
  return [...notices].sort(
    (a, b) =>
      PRIORITY_ORDER[a.priority] - PRIORITY_ORDER[b.priority] ||
      STATUS_ORDER[a.status] - STATUS_ORDER[b.status] ||
      Date.parse(b.validFrom) - Date.parse(a.validFrom),
  )
}

/** Every notice with where it stands, its window and priority; edit, or delete after a question. */
export function NoticeList({
  notices,
  error,
  timeZone,
  headingRef,
  onRefresh,
  onEdit,
  onDelete,
}: NoticeListProps) {
  const s = useStrings()
  const [pending, setPending] = useState<Notice>()
  const [busy, setBusy] = useState(false)
  const [deleteError, setDeleteError] = useState<string>()
  const format = createDateFormat(s.language, timeZone)

  const confirmDelete = async () => {
    if (!pending) return
    setBusy(true)
    const failure = await onDelete(pending)
    setBusy(false)
    setDeleteError(failure)
    setPending(undefined)
  }

  return (
    <section class="panel notice-list" aria-labelledby="notice-list-heading">
      <div class="panel__head">
        <h2 id="notice-list-heading" tabIndex={-1} ref={headingRef}>
          {s.list.heading}
        </h2>
        <button type="button" class="button button--quiet" onClick={onRefresh}>
          {s.list.refresh}
        </button>
      </div>
      {error && (
        <p class="field__error" role="alert">
          {error}
        </p>
      )}
      {deleteError && (
        <p class="field__error" role="alert">
          {deleteError}
        </p>
      )}
      {notices === undefined ? (
        !error && <p class="notice-line">{s.loading}</p>
      ) : notices.length === 0 ? (
        <p class="notice-line">{s.list.empty}</p>
      ) : (
        <div class="table-wrap">
          <table class="table">
            <caption class="visually-hidden">{s.list.caption}</caption>
            <thead>
              <tr>
                <th scope="col">{s.list.columns.status}</th>
                <th scope="col">{s.list.columns.title}</th>
                <th scope="col">{s.list.columns.period}</th>
                <th scope="col">{s.list.columns.priority}</th>
                <th scope="col">{s.list.columns.actions}</th>
              </tr>
            </thead>
            <tbody>
              {sortNotices(notices).map((notice) => (
                <tr key={notice.id} class={notice.priority === 'urgent' ? 'table__row--urgent' : undefined}>
                  <td>
                    <span class={`status-badge status-badge--${notice.status}`}>
                      {s.status[notice.status]}
                    </span>
                  </td>
                  <th scope="row" class="notice-list__title">
                    {notice.title}
                  </th>
                  <td>
                    <span class="notice-list__window">{windowText(notice, format.dateTime, s)}</span>
                    <span class="notice-list__schedule">{scheduleText(notice, s)}</span>
                  </td>
                  <td>
                    <span class={`priority-badge priority-badge--${notice.priority}`}>
                      {s.priority[notice.priority]}
                    </span>
                  </td>
                  <td class="notice-list__actions">
                    <button
                      type="button"
                      class="button button--small"
                      aria-label={s.list.editLabel(notice.title)}
                      onClick={() => onEdit(notice)}
                    >
                      {s.list.edit}
                    </button>
                    <button
                      type="button"
                      class="button button--small button--danger-quiet"
                      aria-label={s.list.deleteLabel(notice.title)}
                      onClick={() => {
                        setDeleteError(undefined)
                        setPending(notice)
                      }}
                    >
                      {s.list.delete}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <ConfirmDialog
        open={pending !== undefined}
        title={s.list.deleteTitle}
        confirmLabel={s.list.delete}
        cancelLabel={s.cancel}
        danger
        busy={busy}
        onConfirm={() => void confirmDelete()}
        onCancel={() => setPending(undefined)}
      >
        <p>{pending ? s.list.deleteText(pending.title) : ''}</p>
      </ConfirmDialog>
    </section>
  )
}

function windowText(notice: Notice, dateTime: (instant: string) => string, s: Strings): string {
  const from = dateTime(notice.validFrom)
  return notice.validUntil ? s.list.range(from, dateTime(notice.validUntil)) : s.list.from(from)
}

/** "Mo, Mi, Fr · 08:00–12:00" or "täglich · ganztägig", and the targets when there are any. */
function scheduleText(notice: Notice, s: Strings): string {
  const days =
    !notice.weekdays || notice.weekdays.length === ALL_WEEKDAYS.length
      ? s.list.everyDay
      : [...notice.weekdays]
          .sort((a, b) => a - b)
          .map((day) => s.weekdays.short[day - 1])
          .join(', ')
  const hours = notice.hours?.length
    ? notice.hours.map((window) => `${window.from}–${window.to}`).join(', ')
    : s.list.allDay
  const targets = [...notice.targets.monitors, ...notice.targets.tags]
  return [days, hours, targets.length > 0 ? s.list.targets(targets.join(', ')) : '']
    .filter(Boolean)
    .join(' · ')
}
