import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { SAFE_SLIDE_TEMPLATE, writeSafeSlide } from '../../../main/electron/safe-slide.js'
import { tempDir } from '../../helpers/temp-dir.js'

describe('safe slide', () => {
  let dir: ReturnType<typeof tempDir>
  beforeEach(() => {
    dir = tempDir()
  })
  afterEach(() => dir.remove())

  it('is black, script-free and says "Einen Moment bitte …"', () => {
    const html = readFileSync(SAFE_SLIDE_TEMPLATE, 'utf8')
    expect(html).toContain('Einen Moment bitte …')
    expect(html).toContain('background: #000')
    expect(html).not.toMatch(/<script/i)
    expect(html).toContain("default-src 'none'")
  })

  it('carries the town name, escaped', () => {
    const file = writeSafeSlide(dir.path, 'Schmölln <b>&</b>')
    const html = readFileSync(file, 'utf8')
    expect(file).toBe(join(dir.path, 'safe-slide.html'))
    expect(html).toContain('<h1><!--town-->Schmölln &#60;b&#62;&#38;&#60;/b&#62;<!--/town--></h1>')
    expect(html).not.toContain('<b>')
  })

  it('falls back to the plain template when it cannot write', () => {
    const blocker = join(dir.path, 'a-file')
    writeFileSync(blocker, '')
    expect(writeSafeSlide(join(blocker, 'user-data'), 'Schmölln')).toBe(SAFE_SLIDE_TEMPLATE)
  })
})
