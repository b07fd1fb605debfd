import ICAL from 'ical.js'
const tz = `BEGIN:VTIMEZONE
TZID:Europe/Berlin
BEGIN:DAYLIGHT
TZOFFSETFROM:+0100
TZOFFSETTO:+0200
TZNAME:CEST
DTSTART:19700329T020000
RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU
END:DAYLIGHT
BEGIN:STANDARD
TZOFFSETFROM:+0200
TZOFFSETTO:+0100
TZNAME:CET
DTSTART:19701025T030000
RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU
END:STANDARD
END:VTIMEZONE`
const t = `BEGIN:VCALENDAR
${tz}
BEGIN:VEVENT
UID:x

DTSTART;TZID=Europe/Berlin:20261015T080000
RRULE:FREQ=WEEKLY;COUNT=30
SUMMARY:x
END:VEVENT
END:VCALENDAR`
const c = new ICAL.Component(ICAL.parse(t))
const ev = c.getFirstSubcomponent('vevent')
const s = ev.getFirstPropertyValue('dtstart')
console.log(s.zone.tzid, !!s.zone.component, s.year, s.month, s.day, s.hour)
const it = new ICAL.RecurIterator({ rule: ev.getFirstPropertyValue('rrule'), dtstart: s, initialized: true })
it.init()
for (let i = 0; i < 30; i++) { const n = it.next(); if (!n) break; if (i < 3 || (i > 20 && i < 25)) console.log(n.toString(), new Date(n.toUnixTime() * 1000).toISOString(), n.zone.tzid) }
console.log(JSON.stringify(ICAL.parse('BEGIN:VCALENDAR\nEND:VCALENDAR\nBEGIN:VCALENDAR\nEND:VCALENDAR')))
const p = ICAL.Time.fromData({year: 2026, month: 3, day: 29, hour: 2, minute: 30}, s.zone)
console.log('gap', new Date(p.toUnixTime()*1000).toISOString())
const d = ICAL.Duration.fromString('P1D'); console.log(d.toSeconds(), ICAL.Duration.fromString('-PT1H').toSeconds())
