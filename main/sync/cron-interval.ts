import cron from 'node-cron'

/** The time between two runs of a cron expression, for backoff and freshness windows. */
export function cronIntervalMs(expression: string, timezone: string): number {
  const task = cron.createTask(expression, () => {}, { timezone })
  try {
    const [first, second] = task.getNextRuns(2)
    return first && second ? second.getTime() - first.getTime() : 60_000
  } finally {
    void task.destroy()
  }
}
