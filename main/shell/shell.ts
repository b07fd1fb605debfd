/**
 * What the core and the admin API may ask of a shell, whichever it is: the system-Chromium
 * shell (chromium-shell.ts) implements it here; the Electron shell (main/electron) does the same
 * inside Electron.
 */
export type ShellKind = 'electron' | 'chromium' | 'none'

export interface ShellStatus {
  shell: ShellKind
  /** The browser (or window) is up; false while it is being restarted. */
  running: boolean
  /** How often the browser process (Chromium) or the renderer (Electron) was started again. */
  restarts: number
  /** Page recoveries without a browser restart: reloads after a crash, a hang or a wrong page. */
  recoveries: number
  /** ISO time of the last restart or recovery. */
  lastRestartAt?: string
  /** Why, e.g. `exited (signal SIGKILL)`, `renderer crashed`, `page unresponsive`. */
  lastReason?: string
  /** The page the shell shows (the player URL). */
  url?: string
  /** Operating-system process id of the browser, when there is one. */
  pid?: number
}

export interface KioskShell {
  /** Shows `url` full screen and keeps it there; resolves once the first attempt is made. */
  start(url: string): Promise<void>
  /** Closes the browser for good (no restart). */
  stop(): Promise<void>
  /** PNG of what is on screen now; rejects when there is no page to capture (e.g. mid-restart). */
  screenshot(): Promise<Buffer>
  status(): ShellStatus
}
