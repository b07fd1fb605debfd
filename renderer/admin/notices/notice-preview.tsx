import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks'
import QRCode from 'qrcode'
import type { NoticeInput } from '../../../contracts/notice.js'
import type { SlideItem } from '../../../contracts/player-state.js'
import { Header } from '../../kiosk/chrome/header.js'
import { createKioskContext, KioskContext } from '../../kiosk/kiosk-context.js'
import { NoticeSlide } from '../../kiosk/slides/notice-slide.js'
import '../../kiosk/styles/fonts.css'
import '../../kiosk/styles/theme.css'
import '../../kiosk/styles/stage.css?preview-units'
import '../../kiosk/styles/chrome.css?preview-units'
import '../../kiosk/styles/slides.css?preview-units'
import type { ApiClient } from '../api-client.js'
import { createDateFormat } from '../format.js'
import { useObjectUrl } from '../hooks/use-object-url.js'
import { type Orientation, type Strings, useStrings } from '../i18n/index.js'
import type { MonitorView } from '../monitor.js'
import type { NoticeDraft } from './notice-draft.js'
import placeholder from './preview-placeholder.svg'

const ORIENTATIONS: readonly Orientation[] = ['landscape', 'portrait']

/**
 * The kiosk's slide takes only the core's own paths for images (/media/…, /qr/…). The preview's
 * pictures are blob: URLs (an upload, a QR code drawn here), so the slide is given this local
 * placeholder, and the real picture is put in once it is drawn.
 */
const PLACEHOLDER_PATH = new URL(placeholder, document.baseURI).pathname

export interface NoticePreviewProps {
  draft: NoticeDraft
  /** The notice's image as a blob: URL, when it has one. */
  imageUrl: string | undefined
  monitor: MonitorView
  client: ApiClient
  /** The checked notice, or undefined after the form marked what is wrong. */
  validInput(): NoticeInput | undefined
}

/**
 * The notice as the monitor will show it, in both orientations, drawn by the kiosk page's own
 * slide component and styles at the screen's real size (1920×1080, 1080×1920) and scaled down;
 * it follows every keystroke. "Als Bild prüfen" has the monitor itself draw both as PNGs.
 */
export function NoticePreview({ draft, imageUrl, monitor, client, validInput }: NoticePreviewProps) {
  const s = useStrings()
  const state = monitor.state
  const qrUrl = useQrCode(draft.url, state.layout.qrCodes)
  const item = useMemo(
    () => slideItemOf(draft, s, { image: Boolean(imageUrl), qr: Boolean(qrUrl) }),
    [draft, s, imageUrl, qrUrl],
  )
  const context = useMemo(
    () => createKioskContext(state.monitor.locale, monitor.timeZone, monitor.clock),
    [state.monitor.locale, monitor.timeZone, monitor.clock],
  )
  const [rendered, setRendered] = useState<{ at: number; landscape: Blob; portrait: Blob }>()
  const [checking, setChecking] = useState(false)
  const [checkError, setCheckError] = useState<string>()
  const landscapeUrl = useObjectUrl(rendered?.landscape)
  const portraitUrl = useObjectUrl(rendered?.portrait)
  const renderedUrls = { landscape: landscapeUrl, portrait: portraitUrl }

  const check = async () => {
    if (checking) return
    const input = validInput()
    if (!input) {
      setCheckError(s.preview.fixFirst)
      return
    }
    setChecking(true)
    setCheckError(undefined)
    const [landscape, portrait] = await Promise.all(
      ORIENTATIONS.map((orientation) =>
        client.blob('POST', `/preview/slide.png?orientation=${orientation}`, input),
      ),
    )
    setChecking(false)
    if (!landscape?.ok) return setCheckError(landscape?.error.message)
    if (!portrait?.ok) return setCheckError(portrait?.error.message)
    setRendered({ at: monitor.clock.now(), landscape: landscape.data, portrait: portrait.data })
  }

  return (
    <section class="preview" aria-labelledby="preview-heading">
      <h3 id="preview-heading">{s.preview.heading}</h3>
      <p class="field__hint">{s.preview.intro}</p>
      <div class="preview__pair">
        {ORIENTATIONS.map((orientation) => (
          <figure class={`preview__figure preview__figure--${orientation}`} key={orientation}>
            <div class="preview__viewport" aria-hidden="true" inert>
              <div class="preview-screen">
                <KioskContext.Provider value={context}>
                  <PreviewScreen
                    orientation={orientation}
                    item={item}
                    monitor={monitor}
                    imageUrl={imageUrl}
                    qrUrl={qrUrl}
                  />
                </KioskContext.Provider>
              </div>
            </div>
            <figcaption>{s.preview.orientation[orientation]}</figcaption>
          </figure>
        ))}
      </div>
      <div class="preview__check">
        <button
          type="button"
          class="button"
          onClick={() => void check()}
          aria-disabled={checking ? 'true' : undefined}
        >
          {s.preview.check}
        </button>
        <p class="field__hint" role="status">
          {checking ? s.preview.checking : ''}
        </p>
        {checkError && (
          <p class="field__error" role="alert">
            {checkError}
          </p>
        )}
      </div>
      {rendered && (
        <div class="preview__rendered">
          <h4>
            {s.preview.rendered} ({createDateFormat(s.language, monitor.timeZone).time(rendered.at)})
          </h4>
          <div class="preview__pair">
            {ORIENTATIONS.map((orientation) => (
              <figure class={`preview__figure preview__figure--${orientation}`} key={orientation}>
                <img
                  class="preview__png"
                  src={renderedUrls[orientation]}
                  alt={s.preview.renderedAlt(s.preview.orientation[orientation])}
                />
              </figure>
            ))}
          </div>
        </div>
      )}
    </section>
  )
}

function PreviewScreen(props: {
  orientation: Orientation
  item: SlideItem
  monitor: MonitorView
  imageUrl: string | undefined
  qrUrl: string | undefined
}) {
  const { orientation, item, monitor, imageUrl, qrUrl } = props
  const root = useRef<HTMLDivElement>(null)
  // After every render: the slide's <img> elements got the placeholder; they show the real pictures.
  useLayoutEffect(() => {
    const element = root.current
    if (!element) return
    showPicture(element, '.slide__image', imageUrl)
    showPicture(element, '.qr__code', qrUrl)
  })
  const state = monitor.state
  return (
    <div
      ref={root}
      class="kiosk"
      data-theme={state.layout.theme === 'dark' ? 'dark' : 'light'}
      data-orientation={orientation}
      data-mode={item.priority === 'urgent' ? 'interrupt' : 'rotation'}
    >
      <Header player={state} />
      <div class="stage">
        {/* A new picture mounts the slide afresh, so an image that failed before gets its chance. */}
        <div class="slide-frame" key={`${imageUrl ?? ''}|${qrUrl ?? ''}`}>
          <NoticeSlide item={item} now={monitor.clock.now()} />
        </div>
      </div>
    </div>
  )
}

function showPicture(root: HTMLElement, selector: string, url: string | undefined): void {
  if (!url) return
  for (const image of root.querySelectorAll<HTMLImageElement>(selector)) {
    if (image.getAttribute('src') !== url) image.src = url
  }
}

/** What the core's toSlideItem makes of the notice (main/playlist/slide-item.ts), from the form's text. */
export function slideItemOf(
  draft: NoticeDraft,
  s: Strings,
  pictures: { image: boolean; qr: boolean },
): SlideItem {
  const item: SlideItem = {
    id: 'preview',
    // The core's source id for notices (main/notices/notice-items.ts).
    sourceId: 'notices',
    kind: 'notice',
    priority: draft.priority,
    title: draft.title.trim() || s.preview.titlePlaceholder,
    text: draft.text.trim(),
  }
  if (pictures.image) item.imageUrl = PLACEHOLDER_PATH
  if (pictures.qr) {
    item.qrUrl = PLACEHOLDER_PATH
    item.linkLabel = readableLink(draft.url.trim())
  }
  return item
}

/** `https://www.schmoelln.de/aktuelles/123?x=1` → `schmoelln.de/aktuelles/123`, as the core shortens it. */
export function readableLink(url: string): string {
  const parsed = new URL(url)
  const path = parsed.pathname === '/' ? '' : parsed.pathname.replace(/\/$/, '')
  const label = `${parsed.hostname.replace(/^www\./, '')}${path}`
  return label.length > 48 ? `${label.slice(0, 47)}…` : label
}

/** Only what the API accepts for a notice's link gets a QR code. */
function isHttpUrl(text: string): boolean {
  return text.length <= 2048 && /^https?:\/\//i.test(text) && URL.canParse(text)
}

/** The link's QR code, drawn here as the core draws it (SVG, margin 1, level M), as a blob: URL. */
function useQrCode(link: string, enabled: boolean): string | undefined {
  const [svg, setSvg] = useState<Blob>()
  const url = link.trim()
  useEffect(() => {
    if (!enabled || !isHttpUrl(url)) {
      setSvg(undefined)
      return
    }
    let live = true
    // Typing a link changes it with every key; the code is drawn once the typing pauses.
    const timer = setTimeout(() => {
      QRCode.toString(url, {
        type: 'svg',
        margin: 1,
        errorCorrectionLevel: 'M',
        color: { dark: '#000000', light: '#ffffff' },
      })
        .then((text) => {
          if (live) setSvg(new Blob([text], { type: 'image/svg+xml' }))
        })
        .catch(() => {
          if (live) setSvg(undefined)
        })
    }, 250)
    return () => {
      live = false
      clearTimeout(timer)
    }
  }, [url, enabled])
  return useObjectUrl(svg)
}
