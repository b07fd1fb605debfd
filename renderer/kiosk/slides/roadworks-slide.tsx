import type { SlideItem } from '../../../contracts/player-state.js'
import { useKiosk } from '../kiosk-context.js'
import { SlideFrame } from './slide-parts.js'

export function RoadworksSlide({ item, now }: { item: SlideItem; now: number }) {
  const { strings, format } = useKiosk()
  return (
    <SlideFrame
      item={item}
      facts={[
        { label: strings.where, value: item.street ?? item.place },
        { label: strings.when, value: format.period(item.startsAt, item.endsAt, now) },
        { label: strings.restriction, value: item.restriction, strong: true },
      ]}
    />
  )
}
