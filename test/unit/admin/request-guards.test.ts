import { describe, expect, it } from 'vitest'
import { hostName, isAllowedHost, isForeignOrigin } from '../../../main/admin/request-guards.js'

describe('request guards', () => {
  it('reads the host name from a Host header', () => {
    expect(hostName('Kiosk.Example:8090')).toBe('kiosk.example')
    expect(hostName('[::1]:8090')).toBe('::1')
    expect(hostName('10.0.0.5')).toBe('10.0.0.5')
    expect(hostName('evil.example@10.0.0.5')).toBeUndefined()
    expect(hostName(undefined)).toBeUndefined()
  })

  it('allows IP literals, localhost and listed names only', () => {
    expect(isAllowedHost('127.0.0.1:8090', [])).toBe(true)
    expect(isAllowedHost('[fe80::1]:8090', [])).toBe(true)
    expect(isAllowedHost('localhost', [])).toBe(true)
    expect(isAllowedHost('kiosk.local:8090', [])).toBe(false)
    expect(isAllowedHost('kiosk.local:8090', ['Kiosk.local'])).toBe(true)
    expect(isAllowedHost('localhost.evil.example', [])).toBe(false)
    expect(isAllowedHost('1.2.3.4.nip.io', [])).toBe(false)
    expect(isAllowedHost('', [])).toBe(false)
  })

  it('flags cross-origin state changes only', () => {
    expect(isForeignOrigin('POST', 'http://evil.example', '127.0.0.1:8090')).toBe(true)
    expect(isForeignOrigin('DELETE', 'null', '127.0.0.1:8090')).toBe(true)
    expect(isForeignOrigin('PUT', 'http://127.0.0.1:8091', '127.0.0.1:8090')).toBe(true)
    expect(isForeignOrigin('POST', 'http://127.0.0.1:8090', '127.0.0.1:8090')).toBe(false)
    expect(isForeignOrigin('POST', undefined, '127.0.0.1:8090')).toBe(false)
    expect(isForeignOrigin('GET', 'http://evil.example', '127.0.0.1:8090')).toBe(false)
  })
})
