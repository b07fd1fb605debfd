import { describe, expect, it } from 'vitest'
import { previewUnits, toContainerUnits } from '../../../../renderer/admin/build/preview-units.js'

describe('preview units (kiosk styles inside the admin preview box)', () => {
  it('turns viewport units into container units and leaves everything else alone', () => {
    expect(toContainerUnits('.a { padding: 3.6vmin 5vmin 2.6vmin; margin: -3.6vmin -5vmin 0 }')).toBe(
      '.a { padding: 3.6cqmin 5cqmin 2.6cqmin; margin: -3.6cqmin -5cqmin 0 }',
    )
    expect(
      toContainerUnits('grid-template-columns: minmax(0, 1fr) 36vw; flex: 0 1 24vh; width: .5vmax'),
    ).toBe('grid-template-columns: minmax(0, 1fr) 36cqw; flex: 0 1 24cqh; width: .5cqmax')
    const untouched = '.icon-2vw { width: 1em; src: url("a-3vh.woff2"); max-height: 3.3em; gap: 2px }'
    expect(toContainerUnits(untouched)).toBe(untouched)
  })

  it('rewrites only stylesheets imported with ?preview-units', () => {
    const plugin = previewUnits()
    expect(plugin.transform('.a { gap: 2vmin }', '/r/kiosk/styles/slides.css?preview-units')).toBe(
      '.a { gap: 2cqmin }',
    )
    expect(plugin.transform('.a { gap: 2vmin }', '/r/kiosk/styles/slides.css')).toBeUndefined()
    expect(plugin.transform('.a { gap: 2vmin }', '/r/kiosk/styles/slides.css?inline')).toBeUndefined()
  })
})
