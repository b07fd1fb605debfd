/**
 * The longest start of `text` that fits, cut after a whole word and ended with "…". `fits` puts a
 * candidate on screen and says whether it fits; the search is binary, so a long text costs a
 * handful of layouts, not one per word.
 */
export function truncateToFit(text: string, fits: (candidate: string) => boolean): string {
  if (fits(text)) return text
  const words = text.match(/\S+\s*/g) ?? []
  let best = ''
  let low = 1
  let high = words.length - 1
  while (low <= high) {
    const middle = (low + high) >> 1
    const candidate = shortened(words, middle)
    if (fits(candidate)) {
      best = candidate
      low = middle + 1
    } else {
      high = middle - 1
    }
  }
  return best
}

/** The first `count` words with an ellipsis; punctuation that would dangle before it is dropped. */
export function shortened(words: readonly string[], count: number): string {
  const start = words
    .slice(0, count)
    .join('')
    .trimEnd()
    .replace(/[\s,;:.!?–—-]+$/u, '')
  return start ? `${start}…` : ''
}
