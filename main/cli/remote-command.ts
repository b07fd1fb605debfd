import { readFile, writeFile } from 'node:fs/promises'
import { extname } from 'node:path'
import type { Command } from 'commander'
import type { z } from 'zod'
import {
  ADMIN_API_PREFIX,
  ConfigApplyResultSchema,
  ConfigDocumentSchema,
  ConfigVersionListSchema,
  ErrorBodySchema,
  NoticeListSchema,
  type Problem,
  StatusSchema,
} from '../../contracts/admin-api.js'
import { formatProblem } from '../../kiosk-config/config-loader.js'
import type { Output } from './cli-context.js'
import { CliExit, EXIT } from './exit-codes.js'

/** The token from the environment, so it stays out of shell history and process lists. */
export const TOKEN_ENV = 'INFOMONITOR_TOKEN'

const REQUEST_TIMEOUT_MS = 30_000
/** A screenshot may be rendered headless on the monitor first. */
const SCREENSHOT_TIMEOUT_MS = 60_000

interface RemoteOptions {
  url?: string
  token?: string
}

/**
 * `infomonitor remote`: IT's command line for one monitor's admin API, from any machine that can
 * reach it. Exit codes as everywhere: 0 done, 1 the monitor refused or failed, 2 usage.
 */
export function registerRemoteCommand(program: Command, output: Output): void {
  const remote = program
    .command('remote')
    .description(`run a monitor remotely through its admin API (token: --token or ${TOKEN_ENV})`)
    .option('--url <url>', 'the admin API of the monitor, e.g. http://192.168.1.20:8090')
    .option('--token <token>', `an admin token (better: set ${TOKEN_ENV}, which stays out of shell history)`)
  const client = () => RemoteClient.from(remote.opts<RemoteOptions>())

  remote
    .command('status')
    .description('health of the monitor: software, config version, uptime, screen, current slide, sources')
    .action(async () => {
      const status = await client().json('GET', '/status', StatusSchema)
      printStatus(status, output)
    })

  const config = remote.command('config').description('the running config: fetch, history, push, roll back')
  config
    .command('get')
    .description('print the running config text exactly as pushed (its version goes to stderr)')
    .action(async () => {
      const document = await client().json('GET', '/config', ConfigDocumentSchema)
      output.err(`config version ${document.version} (${document.format})`)
      output.out(document.text.replace(/\n$/, ''))
    })
  config
    .command('versions')
    .description('the config history, newest first; * marks the running version')
    .action(async () => {
      const list = await client().json('GET', '/config/versions', ConfigVersionListSchema)
      const rows = list.versions.map((entry) => [
        `${entry.version === list.current ? '*' : ' '}${entry.version}`,
        instant(entry.appliedAt),
        entry.format,
        entry.appliedBy,
      ])
      for (const line of table(['VERSION', 'APPLIED', 'FORMAT', 'BY'], rows)) output.out(line)
    })
  config
    .command('push <file>')
    .description(
      'validate and apply a config file (YAML or JSON); every problem is listed when it is refused',
    )
    .action(async (file: string) => {
      const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
        throw new CliExit(EXIT.usage, `${file}: cannot read it (${error.code ?? error.message})`)
      })
      const api = client()
      const running = await api.json('GET', '/config', ConfigDocumentSchema)
      const response = await api.send('PUT', '/config', {
        body: text,
        contentType: extname(file).toLowerCase() === '.json' ? 'application/json' : 'application/yaml',
        headers: { 'if-match': `"${running.version}"` },
      })
      if (response.status === 422) {
        const { problems = [] } = await api.errorBody(response)
        throw new CliExit(EXIT.failed, describeRefusal(file, problems))
      }
      if (response.status === 412) {
        const now = await api.json('GET', '/config', ConfigDocumentSchema).catch(() => undefined)
        throw new CliExit(
          EXIT.failed,
          `someone else pushed a config meanwhile${now ? ` (the monitor now runs version ${now.version})` : ''}: ` +
            'fetch it again (infomonitor remote config get), redo your change and push again',
        )
      }
      const result = await api.parse(response, ConfigApplyResultSchema)
      if (result.version === running.version) {
        output.out(`unchanged: the monitor already runs this config (version ${result.version})`)
      } else {
        output.out(`applied: config version ${result.version} is running (was ${running.version})`)
      }
      printRestartRequired(result.restartRequired, output)
    })
  config
    .command('rollback')
    .description('run an earlier config version again, as a new version (default: the one before)')
    .option('--to <version>', 'the version to go back to (see GET /config/versions)')
    .action(async (options: { to?: string }) => {
      const to = options.to === undefined ? undefined : Number(options.to)
      if (to !== undefined && (!Number.isInteger(to) || to < 1)) {
        throw new CliExit(EXIT.usage, `--to: "${options.to}" is not a config version (1, 2, 3 …)`)
      }
      const api = client()
      const response = await api.send('POST', '/config/rollback', {
        json: to === undefined ? {} : { version: to },
      })
      const result = await api.parse(response, ConfigApplyResultSchema)
      output.out(
        `rolled back to ${to === undefined ? 'the previous version' : `version ${to}`}: ` +
          `running as config version ${result.version}`,
      )
      printRestartRequired(result.restartRequired, output)
    })

  remote
    .command('notices')
    .description('the notices ("Aushang") on the monitor')
    .command('list')
    .description('every notice with where it stands now (scheduled, on-air, paused, expired)')
    .action(async () => {
      const notices = await client().json('GET', '/notices', NoticeListSchema)
      if (notices.length === 0) {
        output.out('no notices')
        return
      }
      const rows = notices.map((notice) => [
        notice.status,
        notice.priority,
        instant(notice.validFrom),
        notice.validUntil ? instant(notice.validUntil) : '-',
        notice.title,
        notice.id,
      ])
      for (const line of table(['STATUS', 'PRIORITY', 'FROM', 'UNTIL', 'TITLE', 'ID'], rows)) output.out(line)
    })

  remote
    .command('screenshot <out>')
    .description('save a PNG of what the screen shows now')
    .action(async (out: string) => {
      const api = client()
      const response = await api.send('GET', '/screenshot', { timeoutMs: SCREENSHOT_TIMEOUT_MS })
      const png = Buffer.from(await response.arrayBuffer())
      await writeFile(out, png).catch((error: NodeJS.ErrnoException) => {
        throw new CliExit(EXIT.failed, `${out}: cannot write it (${error.code ?? error.message})`)
      })
      const size = png.length >= 24 ? `${png.readUInt32BE(16)}×${png.readUInt32BE(20)} px, ` : ''
      const source = response.headers.get('x-screenshot-source')
      output.out(
        `saved ${out} (${size}${Math.ceil(png.length / 1024)} KB${source ? `, taken by ${source}` : ''})`,
      )
    })
}

interface SendOptions {
  json?: unknown
  body?: string
  contentType?: string
  headers?: Record<string, string>
  timeoutMs?: number
}

/** Node's fetch against one monitor's admin API; every refusal becomes a CliExit with a readable reason. */
export class RemoteClient {
  private constructor(
    readonly base: string,
    private readonly token: string,
  ) {}

  static from(options: RemoteOptions, env: NodeJS.ProcessEnv = process.env): RemoteClient {
    if (!options.url)
      throw new CliExit(EXIT.usage, 'remote: --url is missing (e.g. --url http://192.168.1.20:8090)')
    const base = apiBase(options.url)
    const token = options.token ?? env[TOKEN_ENV]
    if (!token) throw new CliExit(EXIT.usage, `remote: no token: set ${TOKEN_ENV} (or pass --token)`)
    return new RemoteClient(base, token.trim())
  }

  async json<T>(method: string, path: string, schema: z.ZodType<T>): Promise<T> {
    return this.parse(await this.send(method, path), schema)
  }

  /** Sends the request; a 2xx answer is returned, as are 412 and 422, which callers explain themselves. */
  async send(method: string, path: string, options: SendOptions = {}): Promise<Response> {
    const headers: Record<string, string> = { authorization: `Bearer ${this.token}`, ...options.headers }
    let body: string | undefined = options.body
    if (options.json !== undefined) body = JSON.stringify(options.json)
    const contentType = options.contentType ?? (options.json !== undefined ? 'application/json' : undefined)
    if (contentType) headers['content-type'] = contentType
    let response: Response
    try {
      response = await fetch(`${this.base}${path}`, {
        method,
        headers,
        ...(body !== undefined ? { body } : {}),
        redirect: 'error',
        signal: AbortSignal.timeout(options.timeoutMs ?? REQUEST_TIMEOUT_MS),
      })
    } catch (error) {
      const cause = (error as Error & { cause?: Error }).cause?.message ?? (error as Error).message
      throw new CliExit(EXIT.failed, `cannot reach the monitor at ${this.base}: ${cause}`)
    }
    if (response.ok || response.status === 412 || response.status === 422) return response
    throw new CliExit(EXIT.failed, await this.refusal(response))
  }

  async parse<T>(response: Response, schema: z.ZodType<T>): Promise<T> {
    const parsed = schema.safeParse(await response.json().catch(() => undefined))
    if (!parsed.success) {
      throw new CliExit(
        EXIT.failed,
        `unexpected answer from ${this.base} (HTTP ${response.status}): not what this CLI expects; is it an InfoMonitor of the same version?`,
      )
    }
    return parsed.data
  }

  async errorBody(response: Response): Promise<{ error: string; problems?: Problem[] }> {
    const parsed = ErrorBodySchema.safeParse(await response.json().catch(() => undefined))
    return parsed.success ? parsed.data : { error: `HTTP ${response.status}` }
  }

  private async refusal(response: Response): Promise<string> {
    const { error } = await this.errorBody(response)
    switch (response.status) {
      case 401:
        return `the monitor refused the token (401): ${error} Check --token or ${TOKEN_ENV}.`
      case 403:
        return `this token may not do that (403): ${error} Config and audit need a token with role it.`
      case 429: {
        const seconds = Number(response.headers.get('retry-after'))
        const wait = Number.isFinite(seconds) && seconds > 0 ? ` for ${Math.ceil(seconds / 60)} min` : ''
        return `locked out after too many failed attempts from this address${wait} (429): ${error}`
      }
      default:
        return `the monitor answered ${response.status}: ${error}`
    }
  }
}

/** `http://host:8090`, `…/`, `…/admin/` or `…/api/v1` → `http://host:8090/api/v1`. */
export function apiBase(url: string): string {
  const parsed = URL.canParse(url) ? new URL(url) : undefined
  if (!parsed || !/^https?:$/.test(parsed.protocol)) {
    throw new CliExit(EXIT.usage, `--url: "${url}" is not an http(s) address (e.g. http://192.168.1.20:8090)`)
  }
  const path = parsed.pathname.replace(/\/+$/, '').replace(/\/admin$/, '')
  parsed.pathname = path.endsWith(ADMIN_API_PREFIX) ? path : `${path}${ADMIN_API_PREFIX}`
  parsed.search = ''
  parsed.hash = ''
  return parsed.toString().replace(/\/$/, '')
}

function describeRefusal(file: string, problems: readonly Problem[]): string {
  const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`
  return [
    `${file}: refused by the monitor, ${count}; nothing changed:`,
    ...problems.map((problem) => `  ${formatProblem(problem)}`),
  ].join('\n')
}

function printStatus(status: z.infer<typeof StatusSchema>, output: Output): void {
  const slide = status.currentSlide
  const facts: [string, string][] = [
    ['Monitor', `${status.monitor.name} (${status.monitor.id})`],
    ['Software', `${status.software.name} ${status.software.version}`],
    ['Config version', String(status.configVersion)],
    ['Uptime', `${uptime(status.uptimeSeconds)} (since ${instant(status.startedAt)})`],
    ['Display', status.display.on ? 'on' : 'off'],
    ['Current slide', slide ? `${slide.kind} "${slide.title}" (since ${instant(slide.shownAt)})` : '-'],
  ]
  if (status.renderer) {
    facts.push([
      'Renderer',
      `${status.renderer.running ? 'running' : 'not running'}, ${status.renderer.restarts} restarts`,
    ])
  }
  const width = Math.max(...facts.map(([label]) => label.length))
  for (const [label, value] of facts) output.out(`${label.padEnd(width)}  ${value}`)
  output.out('')
  if (status.sources.length === 0) {
    output.out('Sources: none configured')
    return
  }
  output.out('Sources:')
  const rows = status.sources.map((source) => [
    source.id,
    source.type,
    source.enabled ? 'yes' : 'no',
    source.itemCount.toString(),
    source.lastOkAt ? instant(source.lastOkAt) : 'never',
    source.lastError
      ? `${source.lastError.code}${source.lastError.at ? ` at ${instant(source.lastError.at)}` : ''}: ${source.lastError.message}`
      : '-',
  ])
  for (const line of table(['ID', 'TYPE', 'ENABLED', 'ITEMS', 'LAST SUCCESS', 'LAST ERROR'], rows)) {
    output.out(`  ${line}`)
  }
}

function printRestartRequired(fields: readonly string[], output: Output): void {
  if (fields.length > 0) output.out(`takes effect after a restart: ${fields.join(', ')}`)
}

/** Columns padded to their widest cell; the last one is left as it is. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)),
  )
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, column) => (column === cells.length - 1 ? cell : cell.padEnd(widths[column]!)))
      .join('  ')
      .trimEnd()
  return [line(header), ...rows.map(line)]
}

/** ISO-8601 in UTC to the second: what IT compares with logs. */
function instant(iso: string): string {
  const time = Date.parse(iso)
  return Number.isNaN(time) ? iso : new Date(time).toISOString().replace(/\.\d{3}Z$/, 'Z')
}

function uptime(seconds: number): string {
  const days = Math.floor(seconds / 86_400)
  const hours = Math.floor((seconds % 86_400) / 3_600)
  const minutes = Math.floor((seconds % 3_600) / 60)
  return [days > 0 ? `${days} d` : '', days > 0 || hours > 0 ? `${hours} h` : '', `${minutes} min`]
    .filter(Boolean)
    .join(' ')
}
