import { IANAZone } from 'luxon'
for (const z of ['Europe/Berlin', 'europe/berlin', 'CET', 'UTC', 'Etc/GMT', 'W. Europe Standard Time', 'Berlin', '/mozilla.org/20050126_1/Europe/Berlin', 'Nowhere/Middle', 'Z', 'GMT', 'EST5EDT', '+01:00'])
  console.log(JSON.stringify(z), IANAZone.isValidZone(z))
