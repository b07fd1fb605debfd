import type { SlideItem } from '../../../contracts/player-state.js'
import { useKiosk } from '../kiosk-context.js'
import { SlideFrame } from './slide-parts.js'

export function EventSlide({ item, now }: { item: SlideItem; now: number }) {
  const { strings, format } = useKiosk()
  const when = format.eventWhen(item, now)
  return (
    <SlideFrame
      item={item}
      facts={[
        { label: strings.date, value: when.date },
        { label: strings.time, value: when.time, strong: true },
        { label: strings.place, value: item.place },
      ]}
    />
  )
}
