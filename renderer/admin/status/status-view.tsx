import { useCallback, useEffect, useRef, useState } from 'preact/hooks'
import { type Status, StatusSchema } from '../../../contracts/admin-api.js'
import { stringsFor as kioskStrings } from '../../kiosk/i18n.js'
import type { ApiClient } from '../api-client.js'
import { createDateFormat, uptimeParts } from '../format.js'
import { useObjectUrl } from '../hooks/use-object-url.js'
import { useVisibleInterval } from '../hooks/use-visible-interval.js'
import { useStrings } from '../i18n/index.js'
import type { MonitorView } from '../monitor.js'

/** What is on screen changes with every slide; the picture is renewed this often while it is looked at. */
const REFRESH_MS = 30_000

/** The monitor's health for the press office and IT: software, config, screen, sources, and what is on screen. */
export function StatusView({ client, monitor }: { client: ApiClient; monitor: MonitorView }) {
  const s = useStrings()
  const v = s.statusView
  const format = createDateFormat(s.language, monitor.timeZone)
  const [status, setStatus] = useState<{ at: number; data: Status }>()
  const [statusError, setStatusError] = useState<string>()
  const [shot, setShot] = useState<{ at: number; png: Blob }>()
  const [shotError, setShotError] = useState<string>()
  const [shooting, setShooting] = useState(false)
  const shootingRef = useRef(false)
  const shotUrl = useObjectUrl(shot?.png)

  const loadStatus = useCallback(async () => {
    const result = await client.get('/status', StatusSchema)
    if (result.ok) {
      setStatus({ at: monitor.clock.now(), data: result.data })
      setStatusError(undefined)
    } else setStatusError(result.error.message)
  }, [client, monitor])

  const loadScreenshot = useCallback(async () => {
    // A capture takes seconds; the next one waits for it rather than piling up.
    if (shootingRef.current) return
    shootingRef.current = true
    setShooting(true)
    const result = await client.blob('GET', '/screenshot')
    shootingRef.current = false
    setShooting(false)
    if (result.ok) {
      setShot({ at: monitor.clock.now(), png: result.data })
      setShotError(undefined)
    } else setShotError(result.error.message)
  }, [client, monitor])

  const refresh = useCallback(() => {
    void loadStatus()
    void loadScreenshot()
  }, [loadStatus, loadScreenshot])

  useEffect(refresh, [refresh])
  useVisibleInterval(refresh, REFRESH_MS)

  const data = status?.data
  return (
    <section class="panel status" aria-labelledby="status-heading">
      <div class="panel__head">
        <h2 id="status-heading">{v.heading}</h2>
        <button type="button" class="button button--quiet" onClick={() => void loadStatus()}>
          {v.refresh}
        </button>
      </div>
      {statusError && (
        <p class="field__error" role="alert">
          {statusError}
        </p>
      )}
      {!data ? (
        !statusError && <p class="notice-line">{s.loading}</p>
      ) : (
        <>
          <p class="field__hint">{v.updated(format.time(status.at))}</p>
          <dl class="facts-list">
            <div>
              <dt>{v.monitor}</dt>
              <dd>
                {data.monitor.name} <span class="muted">({data.monitor.id})</span>
              </dd>
            </div>
            <div>
              <dt>{v.software}</dt>
              <dd>
                {data.software.name} {data.software.version}
              </dd>
            </div>
            <div>
              <dt>{v.config}</dt>
              <dd>{v.configVersion(data.configVersion)}</dd>
            </div>
            <div>
              <dt>{v.uptime}</dt>
              <dd>
                {(() => {
                  const { days, hours, minutes } = uptimeParts(data.uptimeSeconds)
                  return v.uptimeValue(days, hours, minutes)
                })()}
              </dd>
            </div>
            <div>
              <dt>{v.display}</dt>
              <dd>
                <span class={data.display.on ? 'state state--ok' : 'state state--off'}>
                  {data.display.on ? v.displayOn : v.displayOff}
                </span>
              </dd>
            </div>
            <div>
              <dt>{v.currentSlide}</dt>
              <dd>
                {data.currentSlide ? (
                  <>
                    „{data.currentSlide.title}“{' '}
                    <span class="muted">
                      ({kindName(data.currentSlide.kind, s.language)},{' '}
                      {v.slideSince(format.time(data.currentSlide.shownAt))})
                    </span>
                  </>
                ) : (
                  v.noSlide
                )}
              </dd>
            </div>
          </dl>

          <h3>{v.sources}</h3>
          {data.sources.length === 0 ? (
            <p class="notice-line">{v.noSources}</p>
          ) : (
            <div class="table-wrap">
              <table class="table">
                <thead>
                  <tr>
                    <th scope="col">{v.sourceColumns.id}</th>
                    <th scope="col">{v.sourceColumns.type}</th>
                    <th scope="col">{v.sourceColumns.lastOk}</th>
                    <th scope="col">{v.sourceColumns.lastError}</th>
                    <th scope="col">{v.sourceColumns.items}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.sources.map((source) => (
                    <tr
                      key={source.id}
                      class={source.consecutiveFailures > 0 ? 'table__row--failing' : undefined}
                    >
                      <th scope="row">{source.id}</th>
                      <td>{source.type}</td>
                      <td>{source.lastOkAt ? format.dateTime(source.lastOkAt) : v.never}</td>
                      <td>
                        {source.lastError ? (
                          <>
                            <code>{source.lastError.code}</code>
                            {source.lastError.at && ` (${format.dateTime(source.lastError.at)})`}:{' '}
                            {source.lastError.message}
                          </>
                        ) : (
                          v.none
                        )}
                      </td>
                      <td>{source.itemCount}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}

      <h3>{v.screenshot}</h3>
      <div class="screenshot">
        <div class="screenshot__tools">
          <button
            type="button"
            class="button"
            onClick={() => void loadScreenshot()}
            aria-disabled={shooting ? 'true' : undefined}
          >
            {v.screenshotRefresh}
          </button>
          <p class="field__hint" role="status">
            {shooting ? s.loading : ''}
          </p>
        </div>
        <p class="field__hint">{v.screenshotAuto}</p>
        {shotError && (
          <p class="field__error" role="alert">
            {shotError}
          </p>
        )}
        {shot && shotUrl && (
          <img class="screenshot__image" src={shotUrl} alt={v.screenshotAlt(format.time(shot.at))} />
        )}
      </div>
    </section>
  )
}

/** The kind as the screen names it ("Aushang", "Baustelle"), in the page's language. */
function kindName(kind: string, language: 'de' | 'en'): string {
  const names: Record<string, string> = kioskStrings(language === 'en' ? 'en-GB' : 'de-DE').kind
  return names[kind] ?? kind
}
