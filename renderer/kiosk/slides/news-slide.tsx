import type { SlideItem } from '../../../contracts/player-state.js'
import { SlideFrame } from './slide-parts.js'

export function NewsSlide({ item }: { item: SlideItem }) {
  return <SlideFrame item={item} />
}
