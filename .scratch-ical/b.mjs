import ICAL from 'ical.js'
const all = (a, b) => Array.from({ length: b - a + 1 }, (_, i) => a + i).join(',')
const rules = process.argv.slice(2).length ? process.argv.slice(2) : [
  'FREQ=SECONDLY',
  `FREQ=YEARLY;COUNT=1;BYMONTH=${all(1,12)};BYMONTHDAY=${all(1,31)};BYHOUR=${all(0,23)};BYMINUTE=${all(0,59)};BYSECOND=${all(0,59)}`,
  'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30',
  'FREQ=YEARLY;BYDAY=4TH;BYMONTHDAY=24;BYMONTH=11',
]
for (const r of rules) {
  const t0 = performance.now()
  let n = 0
  try {
    const it = ICAL.Recur.fromString(r).iterator(ICAL.Time.fromString('2026-06-15T09:00:00'))
    const t1 = performance.now()
    for (let i = 0; i < 5000; i++) { const x = it.next(); if (!x) break; n++; if (performance.now() - t0 > 5000) break }
    console.log(r.slice(0, 60), 'init', (t1 - t0).toFixed(0), 'ms total', (performance.now() - t0).toFixed(0), 'n', n)
  } catch (e) { console.log(r.slice(0,60), 'ERR', e.message, (performance.now() - t0).toFixed(0)) }
}
