import { useCallback, useEffect, useRef, useState } from 'preact/hooks'
import { NoticeListSchema, type NoticeWithStatus } from '../../../contracts/admin-api.js'
import type { Notice } from '../../../contracts/notice.js'
import type { ApiClient } from '../api-client.js'
import { useVisibleInterval } from '../hooks/use-visible-interval.js'
import { useStrings } from '../i18n/index.js'
import type { MonitorView } from '../monitor.js'
import { NoticeForm } from './notice-form.js'
import { NoticeList } from './notice-list.js'

/** Statuses move with the clock (scheduled → on air → expired), so the list is read again now and then. */
const LIST_REFRESH_MS = 30_000

/** The press office's page: the notices, and the form (with its preview) to add or change one. */
export function NoticesView({ client, monitor }: { client: ApiClient; monitor: MonitorView }) {
  const s = useStrings()
  const [notices, setNotices] = useState<NoticeWithStatus[]>()
  const [listError, setListError] = useState<string>()
  const [editing, setEditing] = useState<Notice>()
  const [generation, setGeneration] = useState(0)
  const [message, setMessage] = useState('')
  const listHeading = useRef<HTMLHeadingElement>(null)

  const load = useCallback(async () => {
    const result = await client.get('/notices', NoticeListSchema)
    if (result.ok) {
      setNotices(result.data)
      setListError(undefined)
    } else setListError(result.error.message)
  }, [client])

  useEffect(() => {
    void load()
  }, [load])
  useVisibleInterval(() => void load(), LIST_REFRESH_MS)

  const remove = async (notice: Notice): Promise<string | undefined> => {
    const result = await client.json('DELETE', `/notices/${encodeURIComponent(notice.id)}`)
    if (!result.ok && result.error.status !== 404) return result.error.message
    setMessage(s.list.deleted(notice.title))
    if (editing?.id === notice.id) setEditing(undefined)
    await load()
    // The row and its button are gone; the list itself keeps the focus.
    listHeading.current?.focus()
    return undefined
  }

  const saved = (text: string) => {
    setMessage(text)
    setEditing(undefined)
    setGeneration((count) => count + 1)
    void load()
  }

  return (
    <>
      <p class="live-message" role="status">
        {message}
      </p>
      <NoticeList
        notices={notices}
        error={listError}
        timeZone={monitor.timeZone}
        headingRef={listHeading}
        onRefresh={() => void load()}
        onEdit={(notice) => {
          setMessage('')
          setEditing(notice)
        }}
        onDelete={remove}
      />
      <NoticeForm
        key={editing ? `edit-${editing.id}` : `new-${generation}`}
        client={client}
        monitor={monitor}
        editing={editing}
        focusOnMount={editing !== undefined || generation > 0}
        onSaved={saved}
        onCancelEdit={() => {
          setEditing(undefined)
          setGeneration((count) => count + 1)
        }}
      />
    </>
  )
}
