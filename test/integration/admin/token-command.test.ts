import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { AdminTokenSchema } from '../../../kiosk-config/schema/services.js'
import { TokenVerifier } from '../../../main/admin/auth.js'
import { systemClock } from '../../../main/util/clock.js'
import { cli } from '../../helpers/cli.js'

describe('infomonitor token create', () => {
  it('prints a token once and the YAML entry holding only its hash', async () => {
    const result = await cli(
      'token',
      'create',
      '--role',
      'press',
      '--name',
      'Pressestelle',
      '--expires',
      '2099-12-31T23:59:59+01:00',
    )
    expect(result.code).toBe(0)
    const token = /imt_[A-Za-z0-9_-]{43}/.exec(result.stdout)?.[0]
    expect(token).toBeDefined()
    expect(result.stdout.match(/imt_/g)).toHaveLength(1)
    const yaml = result.stdout.slice(result.stdout.indexOf('admin:'))
    const entry = (parse(yaml) as { admin: { tokens: unknown[] } }).admin.tokens[0]
    expect(AdminTokenSchema.parse(entry)).toEqual({
      name: 'Pressestelle',
      role: 'press',
      hash: `sha256:${createHash('sha256').update(token!).digest('hex')}`,
      expires: '2099-12-31T23:59:59+01:00',
    })
  })

  it('prints JSON for provisioning scripts, and the entry admits exactly that token', async () => {
    const result = await cli('token', 'create', '--role', 'it', '--name', 'IT: Frau Müller', '--json')
    expect(result.code).toBe(0)
    const { token, entry } = JSON.parse(result.stdout) as {
      token: string
      entry: { name: string; role: 'it'; hash: string }
    }
    expect(Object.keys(entry)).toEqual(['name', 'role', 'hash'])
    expect(entry).toMatchObject({ name: 'IT: Frau Müller', role: 'it' })
    const verifier = new TokenVerifier(() => [entry], systemClock)
    expect(verifier.check(`Bearer ${token}`)).toEqual({
      ok: true,
      actor: { name: 'IT: Frau Müller', role: 'it' },
    })
    expect(verifier.check(`Bearer ${token.slice(0, -1)}x`).ok).toBe(false)
    const second = JSON.parse(
      (await cli('token', 'create', '--role', 'it', '--name', 'x', '--json')).stdout,
    ) as { token: string }
    expect(second.token).not.toBe(token)
  })

  it('refuses bad options with exit 2', async () => {
    expect((await cli('token', 'create', '--role', 'admin', '--name', 'x')).code).toBe(2)
    expect((await cli('token', 'create', '--role', 'it')).code).toBe(2)
    expect((await cli('token', 'create', '--role', 'it', '--name', '')).code).toBe(2)
    const expires = await cli('token', 'create', '--role', 'it', '--name', 'x', '--expires', 'Silvester')
    expect(expires.code).toBe(2)
    expect(expires.stderr).toContain('--expires')
    expect(
      (await cli('token', 'create', '--role', 'it', '--name', 'x', '--expires', '2001-01-01T00:00:00Z')).code,
    ).toBe(2)
  })
})
