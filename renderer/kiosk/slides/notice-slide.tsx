import type { SlideItem } from '../../../contracts/player-state.js'
import { useKiosk } from '../kiosk-context.js'
import { SlideFrame } from './slide-parts.js'

/** A notice the press office posted ("Aushang"), with its period when it names one. */
export function NoticeSlide({ item, now }: { item: SlideItem; now: number }) {
  const { strings, format } = useKiosk()
  return (
    <SlideFrame
      item={item}
      facts={[
        { label: strings.when, value: format.period(item.startsAt, item.endsAt, now) },
        { label: strings.place, value: item.place },
      ]}
    />
  )
}
