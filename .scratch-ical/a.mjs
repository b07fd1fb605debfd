import ICAL from 'ical.js'
import fs from 'node:fs'
const dir = '/work/shared/corpora/ical/'
for (const f of fs.readdirSync(dir).filter(f => f.endsWith('.ics'))) {
  try {
    const j = ICAL.parse(fs.readFileSync(dir + f, 'utf8'))
    const c = new ICAL.Component(j)
    console.log(f, 'ok', c.getAllSubcomponents('vevent').length)
  } catch (e) { console.log(f, 'ERR', e.message) }
}
const t = `BEGIN:VCALENDAR
BEGIN:VEVENT
UID:x
DTSTART;TZID=Europe/Berlin:20261025T080000
DTEND;VALUE=DATE:20200822T000000
GEO:50.895;12.356
URL:https://www.schmoelln.de/a
EXDATE;TZID=Europe/Berlin:20261101T080000,20261108T080000
RDATE;VALUE=PERIOD:20231125T090000Z/20231125T123000Z
SUMMARY:Foo\\, bar\\nbaz
END:VEVENT
END:VCALENDAR`
const c = new ICAL.Component(ICAL.parse(t))
const ev = c.getFirstSubcomponent('vevent')
const s = ev.getFirstPropertyValue('dtstart')
console.log(s, s.zone.tzid, s.timezone, s.clone().timezone, s.clone().zone === ICAL.Timezone.localTimezone)
try { console.log('dtend', ev.getFirstPropertyValue('dtend')) } catch (e) { console.log('dtend err', e.message) }
console.log('geo', ev.getFirstPropertyValue('geo'), 'url', ev.getFirstPropertyValue('url'))
console.log('exdate', ev.getAllProperties('exdate').map(p => p.getValues().map(String)))
console.log('rdate', ev.getAllProperties('rdate').map(p => p.getValues()))
console.log('summary', JSON.stringify(ev.getFirstPropertyValue('summary')))
