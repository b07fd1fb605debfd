import type { SlideItem } from '../../../contracts/player-state.js'
import { useKiosk } from '../kiosk-context.js'
import { SlideFrame } from './slide-parts.js'

export function TourismSlide({ item }: { item: SlideItem }) {
  const { strings } = useKiosk()
  return (
    <SlideFrame
      item={item}
      facts={[
        { label: strings.openingHours, value: item.openingHours, strong: true },
        { label: strings.place, value: item.place },
      ]}
    />
  )
}
