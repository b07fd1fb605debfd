import type { RotationConfig } from '../../kiosk-config/schema/presentation.js'

/** A passer-by first has to notice the slide change and find the headline. */
const ORIENTATION_MS = 2500

export function wordCount(text: string): number {
  return text.split(/\s+/).filter((word) => word.length > 0).length
}

/** How long a slide stays: time to read its words at the configured speed, within min and max. */
export function slideDurationMs(words: number, rotation: RotationConfig): number {
  const reading = ORIENTATION_MS + (words / rotation.wordsPerMinute) * 60_000
  return Math.round(Math.min(rotation.maxSeconds * 1000, Math.max(rotation.minSeconds * 1000, reading)))
}

/**
 * Splits text into parts of at most `maxWords`, at sentence ends where possible, else at word
 * boundaries; never mid-word. Beyond `maxParts` the last part ends with an ellipsis.
 */
export function splitText(text: string, maxWords: number, maxParts: number): string[] {
  const words = text.split(/\s+/).filter((word) => word.length > 0)
  if (words.length <= maxWords) return [text.trim()]
  const parts: string[] = []
  let start = 0
  while (start < words.length && parts.length < maxParts) {
    let end = Math.min(start + maxWords, words.length)
    if (end < words.length) {
      const sentenceEnd = lastSentenceEnd(words, start, end)
      if (sentenceEnd > start + maxWords / 2) end = sentenceEnd
    }
    const last = parts.length === maxParts - 1 && end < words.length
    parts.push(words.slice(start, end).join(' ') + (last ? ' …' : ''))
    start = end
  }
  return parts
}

function lastSentenceEnd(words: readonly string[], start: number, end: number): number {
  for (let index = end - 1; index > start; index--) {
    if (/[.!?:]["“”»]?$/.test(words[index]!)) return index + 1
  }
  return end
}
