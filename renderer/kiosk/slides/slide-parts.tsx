import { useState } from 'preact/hooks'
import type { SlideItem } from '../../../contracts/player-state.js'
import { KindIcon } from '../icons/kind-icons.js'
import { useKiosk } from '../kiosk-context.js'
import { FitText } from '../text/fit-text.js'

export interface Fact {
  label: string
  value: string | undefined
  /** Drawn as a marker: a restriction, the time of an event. */
  strong?: boolean
}

/**
 * The layout every content slide shares: kind and part at the top; headline, text and QR code in
 * the main column; image and key facts beside it in landscape, between headline and text in
 * portrait.
 */
export function SlideFrame({ item, facts }: { item: SlideItem; facts?: Fact[] }) {
  const { strings } = useKiosk()
  const shown = (facts ?? []).filter((fact): fact is Fact & { value: string } => Boolean(fact.value))
  const aside = Boolean(item.imageUrl || shown.length > 0)
  return (
    <article class={`slide slide--${item.kind}`} data-kind={item.kind}>
      <div class="slide__top">
        <span class="kind-label">
          <KindIcon kind={item.kind} class="kind-label__icon" />
          {strings.kind[item.kind]}
        </span>
        {item.part && item.part.count > 1 && (
          <span class="slide__part">{strings.part(item.part.index, item.part.count)}</span>
        )}
      </div>
      <div
        class={`slide__body${aside ? ' slide__body--aside' : ''}${item.imageUrl ? ' slide__body--media' : ''}`}
      >
        <div class="slide__main">
          <FitText as="h1" class="slide__title" text={item.title} />
          {item.text && <FitText class="slide__text" text={item.text} />}
          {item.qrUrl && <QrCode url={item.qrUrl} label={item.linkLabel} />}
        </div>
        {aside && (
          <div class="slide__aside">
            {item.imageUrl && <Media url={item.imageUrl} />}
            {shown.length > 0 && (
              <div class="facts-card">
                {!item.imageUrl && <KindIcon kind={item.kind} class="facts-card__icon" />}
                <dl class="facts">
                  {shown.map((fact) => (
                    <div class={fact.strong ? 'fact fact--strong' : 'fact'} key={fact.label}>
                      <dt class="fact__label">{fact.label}</dt>
                      <FitText as="dd" class="fact__value" text={fact.value} />
                    </div>
                  ))}
                </dl>
              </div>
            )}
          </div>
        )}
      </div>
      <Attribution text={item.attribution} />
    </article>
  )
}

/** A cached image beside the text (never under it); it simply disappears if it cannot load. */
export function Media({ url }: { url: string }) {
  const [failed, setFailed] = useState(false)
  if (failed || !isLocal(url)) return null
  return (
    <figure class="slide__media">
      <img class="slide__image" src={url} alt="" decoding="async" onError={() => setFailed(true)} />
    </figure>
  )
}

/** The QR code the core drew for the item's link, with the link spelled out to type by hand. */
export function QrCode({ url, label }: { url: string; label: string | undefined }) {
  const { strings } = useKiosk()
  const [failed, setFailed] = useState(false)
  if (failed || !isLocal(url)) return null
  return (
    <figure class="qr">
      <img class="qr__code" src={url} alt={strings.qrAlt(label ?? '')} onError={() => setFailed(true)} />
      <figcaption class="qr__caption">
        <span class="qr__hint">{strings.more}</span>
        {label && <span class="qr__link">{breakable(label)}</span>}
      </figcaption>
    </figure>
  )
}

export function Attribution({ text }: { text: string | undefined }) {
  return text ? <p class="slide__attribution">{text}</p> : null
}

/** Only the core's own paths (/media/…, /qr/…) are loaded, never an address from a feed. */
function isLocal(url: string): boolean {
  return url.startsWith('/') && !url.startsWith('//') && !url.includes('\\')
}

/** Lets a long link wrap after its slashes rather than anywhere. */
function breakable(link: string) {
  return link.split('/').map((part, index) => (index === 0 ? part : [<wbr key={index} />, `/${part}`]))
}
