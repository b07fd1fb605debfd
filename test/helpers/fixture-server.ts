import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

export type Route =
  | { status?: number; headers?: Record<string, string>; body?: string | Buffer }
  | ((request: IncomingMessage, response: ServerResponse) => void)

/**
 * A real HTTP server on 127.0.0.1 serving fixtures by path. Routes can be swapped while it runs,
 * and every request is recorded, so tests can assert what the sync actually asked for.
 */
export class FixtureServer {
  readonly requests: { path: string; headers: IncomingMessage['headers'] }[] = []
  private readonly routes = new Map<string, Route>()
  private server: Server | undefined
  private readonly sockets = new Set<import('node:net').Socket>()

  route(path: string, route: Route): this {
    this.routes.set(path, route)
    return this
  }

  /** Listens on 127.0.0.1:`port` (0 = any free port; pass the old `port` to come back after stop()). */
  async start(port = 0): Promise<this> {
    this.server = createServer((request, response) => {
      const path = request.url ?? '/'
      this.requests.push({ path, headers: request.headers })
      const route = this.routes.get(path) ?? this.routes.get(path.split('?')[0]!)
      if (!route) {
        response.writeHead(404).end('not found')
        return
      }
      if (typeof route === 'function') return route(request, response)
      response.writeHead(route.status ?? 200, route.headers ?? {})
      response.end(route.body ?? '')
    })
    this.server.on('connection', (socket) => {
      this.sockets.add(socket)
      socket.on('close', () => this.sockets.delete(socket))
    })
    await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', resolve))
    return this
  }

  get port(): number {
    return (this.server!.address() as AddressInfo).port
  }

  get origin(): string {
    const { port } = this.server!.address() as AddressInfo
    return `http://127.0.0.1:${port}`
  }

  url(path: string): string {
    return `${this.origin}${path}`
  }

  get openConnections(): number {
    return this.sockets.size
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy()
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()))
  }
}
