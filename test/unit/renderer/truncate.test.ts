import { describe, expect, it } from 'vitest'
import { truncateToFit } from '../../../renderer/kiosk/text/truncate.js'

/** A stand-in for the screen: a box that holds `capacity` characters. */
const box = (capacity: number) => (candidate: string) => candidate.length <= capacity

describe('truncateToFit', () => {
  it('keeps a text that fits as it is', () => {
    expect(truncateToFit('Wochenmarkt auf dem Amtsplatz', box(100))).toBe('Wochenmarkt auf dem Amtsplatz')
  })

  it('cuts after the last whole word that fits and ends with an ellipsis', () => {
    const text = 'Der Gehweg auf der Seite des Knopfmuseums wird neu gepflastert.'
    const fitted = truncateToFit(text, box(30))
    expect(fitted).toBe('Der Gehweg auf der Seite des…')
    expect(fitted.length).toBeLessThanOrEqual(30)
  })

  it('never cuts inside a word', () => {
    const text = 'Straßenbauarbeiten Sommeritzer Straße Vollsperrung Umleitung Ronneburger Straße'
    for (let capacity = 1; capacity < text.length; capacity++) {
      const fitted = truncateToFit(text, box(capacity))
      if (fitted === '') continue
      expect(fitted.endsWith('…')).toBe(true)
      expect(text.startsWith(fitted.slice(0, -1))).toBe(true)
      const next = text[fitted.length - 1]
      expect(next === ' ' || next === undefined).toBe(true)
    }
  })

  it('drops punctuation that would dangle before the ellipsis', () => {
    expect(truncateToFit('Umleitung über Ronneburger Straße, Altenburger Straße', box(35))).toBe(
      'Umleitung über Ronneburger Straße…',
    )
  })

  it('keeps line breaks of the words it keeps', () => {
    expect(truncateToFit('Erstens kochen.\n\nZweitens abkühlen lassen bitte', box(32))).toBe(
      'Erstens kochen.\n\nZweitens…',
    )
  })

  it('shows nothing rather than overflow when not even one word fits', () => {
    expect(truncateToFit('Donaudampfschifffahrt', box(5))).toBe('')
  })

  it('needs only a handful of measurements for a long text', () => {
    let measurements = 0
    const text = Array.from({ length: 400 }, (_, index) => `Wort${index}`).join(' ')
    truncateToFit(text, (candidate) => {
      measurements++
      return candidate.length <= 500
    })
    expect(measurements).toBeLessThan(15)
  })
})
