import { describe, expect, it } from 'vitest'
import { noDeeperThan, scopeOfAddress } from '../../../content-sources/fetch/address-policy.js'

describe('noDeeperThan', () => {
  const refused = async (origin: string, target: string) =>
    (await noDeeperThan(origin)(new URL(target))) !== undefined

  it('classifies loopback, link-local and private addresses', () => {
    expect(scopeOfAddress('127.0.0.1')).toBe('internal')
    expect(scopeOfAddress('::1')).toBe('internal')
    expect(scopeOfAddress('169.254.169.254')).toBe('internal')
    expect(scopeOfAddress('::ffff:127.0.0.1')).toBe('internal')
    expect(scopeOfAddress('192.168.1.20')).toBe('private')
    expect(scopeOfAddress('fd00::1')).toBe('private')
    expect(scopeOfAddress('203.0.113.5')).toBe('public')
  })

  it('never lets a feed from the internet send the monitor to its own services or the metadata address', async () => {
    const feed = 'http://203.0.113.5/rss.xml'
    expect(await refused(feed, 'http://127.0.0.1:8090/api/v1/status?i=1')).toBe(true)
    expect(await refused(feed, 'http://[::1]:8090/api/v1/status')).toBe(true)
    expect(await refused(feed, 'http://localhost:8080/api/state')).toBe(true)
    expect(await refused(feed, 'http://169.254.169.254/latest/meta-data/')).toBe(true)
    expect(await refused(feed, 'http://10.0.0.5/intranet.png')).toBe(true)
    expect(await refused(feed, 'http://198.51.100.7/bild.jpg')).toBe(false)
  })

  it('lets a town CMS on the LAN name images on the LAN, and anything name images on its own host', async () => {
    expect(await refused('http://10.1.2.3/feed.xml', 'http://10.9.9.9/bild.png')).toBe(false)
    expect(await refused('http://10.1.2.3/feed.xml', 'http://127.0.0.1:8090/api/v1/status')).toBe(true)
    expect(await refused('http://127.0.0.1:18079/demo.xml', 'http://127.0.0.1:18079/images/a.jpg')).toBe(
      false,
    )
  })
})
