/**
 * The page's clock follows the core's (which may be virtual, `--now`): every state and heartbeat
 * carries serverTime, and now() is the local clock plus the last known offset.
 */
export interface ServerClock {
  now(): number
  sync(serverTime: string): void
}

export function createServerClock(localNow: () => number = Date.now): ServerClock {
  let offset = 0
  return {
    now: () => localNow() + offset,
    sync(serverTime) {
      const server = Date.parse(serverTime)
      if (Number.isFinite(server)) offset = server - localNow()
    },
  }
}
