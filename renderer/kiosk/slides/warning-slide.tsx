import type { SlideItem } from '../../../contracts/player-state.js'
import { WarningIcon } from '../icons/kind-icons.js'
import { useKiosk } from '../kiosk-context.js'
import { FitText } from '../text/fit-text.js'
import { Attribution, QrCode } from './slide-parts.js'

/**
 * An official warning: a band in the CAP severity's colour, the headline, what happened, what to
 * do, who issued it, and "nicht aktuell" when its source has stopped answering.
 */
export function WarningSlide({ item }: { item: SlideItem }) {
  const { strings } = useKiosk()
  const warning = item.warning
  const severity = warning?.severity ?? 'Unknown'
  const aside = Boolean(warning?.instruction || warning?.area || warning?.issuer || item.qrUrl)
  return (
    <article class="slide slide--warning" data-kind="warning" data-severity={severity}>
      <div class={`warning-band severity--${severity.toLowerCase()}`}>
        <WarningIcon class="warning-band__icon" />
        <span class="warning-band__level">{strings.severity[severity]}</span>
        <span class="warning-band__event">{warning?.event ?? strings.officialWarning}</span>
        {item.part && item.part.count > 1 && (
          <span class="warning-band__part">{strings.part(item.part.index, item.part.count)}</span>
        )}
        {item.stale && <span class="badge badge--stale">{strings.notCurrent}</span>}
      </div>
      <div class={aside ? 'slide__body slide__body--aside' : 'slide__body'}>
        <div class="slide__main">
          <FitText as="h1" class="slide__title" text={item.title} />
          {item.text && <FitText class="slide__text" text={item.text} />}
        </div>
        {aside && (
          <div class="slide__aside">
            {warning?.instruction && (
              <section class="instruction">
                <h2 class="instruction__title">{strings.instruction}</h2>
                <FitText class="instruction__text" text={warning.instruction} />
              </section>
            )}
            <div class="warning-foot">
              {(warning?.area || warning?.issuer) && (
                <dl class="facts facts--warning">
                  {warning.area && (
                    <div class="fact">
                      <dt class="fact__label">{strings.area}</dt>
                      <FitText as="dd" class="fact__value" text={warning.area} />
                    </div>
                  )}
                  {warning.issuer && (
                    <div class="fact">
                      <dt class="fact__label">{strings.issuer}</dt>
                      <FitText as="dd" class="fact__value" text={warning.issuer} />
                    </div>
                  )}
                </dl>
              )}
              {item.qrUrl && <QrCode url={item.qrUrl} label={item.linkLabel} />}
            </div>
          </div>
        )}
      </div>
      <Attribution text={item.attribution} />
    </article>
  )
}
