import { randomBytes } from 'node:crypto'
import type { PlayerState } from '../../contracts/player-state.js'

interface Slot {
  state: PlayerState
  itemUrls: ReadonlyMap<string, string>
  expiresAt: number
}

const MAX_SLOTS = 20

/**
 * Player states held briefly in memory for the admin preview: the admin server puts one here,
 * the headless page loads it from the player endpoint (GET /api/preview/<token>) and renders it.
 * Nothing is stored; a slot is gone after its time-to-live or when taken back.
 */
export class PreviewSlots {
  private readonly slots = new Map<string, Slot>()

  constructor(private readonly now: () => number = Date.now) {}

  /** Holds `state` for `ttlMs`; `itemUrls` answers QR-code requests for its unsaved items. */
  put(state: PlayerState, itemUrls: ReadonlyMap<string, string> = new Map(), ttlMs = 60_000): string {
    this.prune()
    while (this.slots.size >= MAX_SLOTS) this.slots.delete(this.slots.keys().next().value!)
    const token = randomBytes(18).toString('base64url')
    this.slots.set(token, { state, itemUrls, expiresAt: this.now() + ttlMs })
    return token
  }

  state(token: string): PlayerState | undefined {
    return this.live(token)?.state
  }

  itemUrl(itemId: string): string | undefined {
    this.prune()
    for (const slot of this.slots.values()) {
      const url = slot.itemUrls.get(itemId)
      if (url) return url
    }
    return undefined
  }

  delete(token: string): void {
    this.slots.delete(token)
  }

  private live(token: string): Slot | undefined {
    const slot = this.slots.get(token)
    if (!slot) return undefined
    if (slot.expiresAt > this.now()) return slot
    this.slots.delete(token)
    return undefined
  }

  private prune(): void {
    const now = this.now()
    for (const [token, slot] of this.slots) if (slot.expiresAt <= now) this.slots.delete(token)
  }
}
