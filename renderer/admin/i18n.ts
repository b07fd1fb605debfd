/**
 * Every word of the admin page, in German (the default) and English. Field messages of the
 * notice schema (contracts/notice.ts) and the API are German; in English they are translated
 * here when known and shown as they are otherwise.
 */
import { createContext } from 'preact'
import { useContext } from 'preact/hooks'
import type { NoticeStatus } from '../../contracts/notice.js'

export type Language = 'de' | 'en'
export type Role = 'press' | 'it'
export type Priority = 'normal' | 'high' | 'urgent'
export type Orientation = 'landscape' | 'portrait'

export interface Strings {
  language: Language
  appTitle: string
  skipLink: string
  switchLanguage: { label: string; lang: Language }
  signOut: string
  signedInAs(role: string): string
  roles: Record<Role, string>
  monitor(name: string): string
  navLabel: string
  nav: { notices: string; status: string }
  loading: string
  cancel: string
  errors: {
    unauthorized: string
    expired: string
    forbidden: string
    invalid: string
    tooMany(minutes: number): string
    conflict: string
    notFound: string
    tooLarge: string
    unavailable: string
    server: string
    network: string
    unexpected: string
  }
  signIn: {
    heading: string
    intro: string
    token: string
    tokenHint: string
    submit: string
    checking: string
    empty: string
    signedOut: string
  }
  status: Record<NoticeStatus, string>
  priority: Record<Priority, string>
  weekdays: { short: readonly string[]; long: readonly string[] }
  list: {
    heading: string
    caption: string
    empty: string
    refresh: string
    columns: { status: string; title: string; period: string; priority: string; actions: string }
    edit: string
    editLabel(title: string): string
    delete: string
    deleteLabel(title: string): string
    deleteTitle: string
    deleteText(title: string): string
    deleted(title: string): string
    from(date: string): string
    range(from: string, until: string): string
    everyDay: string
    allDay: string
    targets(list: string): string
  }
  form: {
    newHeading: string
    editHeading(title: string): string
    title: string
    text: string
    textHint: string
    image: string
    imageHint: string
    imageUploading: string
    imageUploaded(name: string): string
    imageCurrent: string
    imageRemove: string
    imageTooLarge: string
    imageInvalid: string
    url: string
    urlHint: string
    start: string
    end: string
    timeHint(zone: string): string
    endHint: string
    weekdays: string
    weekdaysHint: string
    hours: string
    hoursHint: string
    hoursFrom(index: number): string
    hoursTo(index: number): string
    hoursRemove(index: number): string
    hoursAdd: string
    priority: string
    priorityHint: string
    targets: string
    targetsHint: string
    monitors: string
    tags: string
    save: string
    saveChanges: string
    saving: string
    cancelEdit: string
    urgent: string
    urgentHint: string
    errorSummary(count: number): string
    saved(title: string): string
    requiredStart: string
    requiredTime: string
  }
  urgent: {
    title: string
    textNow: string
    textLater(when: string): string
    confirm: string
    sent(title: string): string
  }
  preview: {
    heading: string
    intro: string
    orientation: Record<Orientation, string>
    titlePlaceholder: string
    check: string
    checking: string
    rendered: string
    renderedAlt(orientation: string): string
    fixFirst: string
  }
  statusView: {
    heading: string
    refresh: string
    updated(time: string): string
    monitor: string
    software: string
    config: string
    configVersion(version: number): string
    uptime: string
    uptimeValue(days: number, hours: number, minutes: number): string
    display: string
    displayOn: string
    displayOff: string
    currentSlide: string
    noSlide: string
    slideSince(time: string): string
    sources: string
    noSources: string
    sourceColumns: { id: string; type: string; lastOk: string; lastError: string; items: string }
    never: string
    none: string
    screenshot: string
    screenshotRefresh: string
    screenshotAlt(time: string): string
    screenshotAuto: string
  }
  /** German messages from the schema and the API, in this language. */
  translate(message: string): string
}

const de: Strings = {
  language: 'de',
  appTitle: 'InfoMonitor – Verwaltung',
  skipLink: 'Zum Inhalt springen',
  switchLanguage: { label: 'English', lang: 'en' },
  signOut: 'Abmelden',
  signedInAs: (role) => `Angemeldet als ${role}`,
  roles: { press: 'Pressestelle', it: 'IT' },
  monitor: (name) => `Monitor: ${name}`,
  navLabel: 'Bereiche',
  nav: { notices: 'Aushänge', status: 'Status' },
  loading: 'Wird geladen …',
  cancel: 'Abbrechen',
  errors: {
    unauthorized: 'Der Zugangsschlüssel wurde nicht angenommen. Bitte prüfen und erneut anmelden.',
    expired: 'Der Zugangsschlüssel ist abgelaufen. Bitte bei der IT einen neuen anfordern.',
    forbidden: 'Mit Ihrer Rolle ist das nicht erlaubt.',
    invalid: 'Die Angaben wurden nicht angenommen. Bitte die markierten Felder prüfen.',
    tooMany: (minutes) =>
      `Zu viele fehlgeschlagene Anmeldeversuche von diesem Gerät. Bitte in ${minutes} ${minutes === 1 ? 'Minute' : 'Minuten'} erneut versuchen.`,
    conflict: 'Inzwischen hat jemand anderes etwas geändert. Bitte neu laden und erneut versuchen.',
    notFound: 'Nicht gefunden – vielleicht wurde es inzwischen gelöscht.',
    tooLarge: 'Die Datei ist zu groß (höchstens 5 MB).',
    unavailable: 'Der Monitor konnte das gerade nicht erledigen. Bitte gleich noch einmal versuchen.',
    server: 'Fehler auf dem Monitor. Die Einzelheiten stehen im Protokoll des Monitors.',
    network: 'Der Monitor ist nicht erreichbar. Bitte die Netzwerkverbindung prüfen.',
    unexpected: 'Unerwartete Antwort des Monitors.',
  },
  signIn: {
    heading: 'Anmelden',
    intro:
      'Melden Sie sich mit dem Zugangsschlüssel an, den Sie von der IT erhalten haben. Er bleibt nur in diesem Browserfenster gespeichert, bis Sie sich abmelden oder das Fenster schließen.',
    token: 'Zugangsschlüssel',
    tokenHint: 'Beginnt mit „imt_“.',
    submit: 'Anmelden',
    checking: 'Wird geprüft …',
    empty: 'Bitte den Zugangsschlüssel eingeben.',
    signedOut: 'Sie sind abgemeldet.',
  },
  status: { scheduled: 'Geplant', 'on-air': 'Auf Sendung', paused: 'Pausiert', expired: 'Abgelaufen' },
  priority: { normal: 'Normal', high: 'Hoch', urgent: 'Eilmeldung' },
  weekdays: {
    short: ['Mo', 'Di', 'Mi', 'Do', 'Fr', 'Sa', 'So'],
    long: ['Montag', 'Dienstag', 'Mittwoch', 'Donnerstag', 'Freitag', 'Samstag', 'Sonntag'],
  },
  list: {
    heading: 'Aushänge',
    caption: 'Alle Aushänge und wo sie gerade stehen',
    empty: 'Noch keine Aushänge.',
    refresh: 'Liste aktualisieren',
    columns: {
      status: 'Stand',
      title: 'Überschrift',
      period: 'Zeitraum',
      priority: 'Priorität',
      actions: 'Aktionen',
    },
    edit: 'Bearbeiten',
    editLabel: (title) => `„${title}“ bearbeiten`,
    delete: 'Löschen',
    deleteLabel: (title) => `„${title}“ löschen`,
    deleteTitle: 'Aushang löschen?',
    deleteText: (title) => `„${title}“ wird gelöscht und verschwindet sofort vom Bildschirm.`,
    deleted: (title) => `„${title}“ wurde gelöscht.`,
    from: (date) => `ab ${date}`,
    range: (from, until) => `${from} bis ${until}`,
    everyDay: 'täglich',
    allDay: 'ganztägig',
    targets: (list) => `nur für ${list}`,
  },
  form: {
    newHeading: 'Neuer Aushang',
    editHeading: (title) => `Aushang bearbeiten: „${title}“`,
    title: 'Überschrift',
    text: 'Text',
    textHint: 'Höchstens 1500 Zeichen. Ein langer Text wird auf mehrere Folien verteilt.',
    image: 'Bild (optional)',
    imageHint: 'PNG, JPEG, WebP oder GIF, höchstens 5 MB.',
    imageUploading: 'Bild wird hochgeladen …',
    imageUploaded: (name) => `Hochgeladen: ${name}`,
    imageCurrent: 'Ein Bild ist hinterlegt.',
    imageRemove: 'Bild entfernen',
    imageTooLarge: 'Das Bild ist größer als 5 MB.',
    imageInvalid: 'Das ist kein Bild im Format PNG, JPEG, WebP oder GIF.',
    url: 'Link (optional, erscheint als QR-Code)',
    urlHint: 'Zum Beispiel https://www.schmoelln.de/aktuelles',
    start: 'Beginn',
    end: 'Ende (optional)',
    timeHint: (zone) => `Uhrzeit am Monitor (${zone}).`,
    endHint: 'Leer lassen: bleibt, bis er gelöscht wird.',
    weekdays: 'Wochentage',
    weekdaysHint: 'Alle angehakt: jeden Tag.',
    hours: 'Uhrzeiten',
    hoursHint:
      'Ohne Zeitfenster: den ganzen Tag. Ein Fenster, das vor seinem Beginn endet, reicht über Mitternacht.',
    hoursFrom: (index) => `Zeitfenster ${index}: von`,
    hoursTo: (index) => `Zeitfenster ${index}: bis`,
    hoursRemove: (index) => `Zeitfenster ${index} entfernen`,
    hoursAdd: 'Zeitfenster hinzufügen',
    priority: 'Priorität',
    priorityHint: 'Eine Eilmeldung senden Sie mit der roten Schaltfläche unten.',
    targets: 'Zielmonitore (optional)',
    targetsHint: 'Mehrere durch Komma getrennt. Beides leer: alle Monitore.',
    monitors: 'Monitor-IDs',
    tags: 'Tags',
    save: 'Speichern',
    saveChanges: 'Änderungen speichern',
    saving: 'Wird gespeichert …',
    cancelEdit: 'Bearbeitung abbrechen',
    urgent: 'Als Eilmeldung senden …',
    urgentHint: 'Eine Eilmeldung unterbricht die Anzeige; Sie werden vorher noch einmal gefragt.',
    errorSummary: (count) =>
      count === 1 ? 'Bitte 1 Angabe korrigieren.' : `Bitte ${count} Angaben korrigieren.`,
    saved: (title) => `„${title}“ wurde gespeichert.`,
    requiredStart: 'Bitte Datum und Uhrzeit des Beginns angeben',
    requiredTime: 'Bitte eine Uhrzeit angeben',
  },
  urgent: {
    title: 'Eilmeldung senden?',
    textNow:
      'Die Eilmeldung unterbricht sofort die Anzeige auf dem Bildschirm und ist allein zu sehen, bis sie endet oder gelöscht wird.',
    textLater: (when) =>
      `Die Eilmeldung unterbricht ab ${when} Uhr die Anzeige auf dem Bildschirm und ist allein zu sehen, bis sie endet oder gelöscht wird.`,
    confirm: 'Ja, Eilmeldung senden',
    sent: (title) => `Eilmeldung „${title}“ ist gesendet.`,
  },
  preview: {
    heading: 'Vorschau',
    intro: 'So erscheint der Aushang auf dem Monitor; die Vorschau folgt Ihren Eingaben.',
    orientation: { landscape: 'Querformat (1920 × 1080)', portrait: 'Hochformat (1080 × 1920)' },
    titlePlaceholder: 'Überschrift',
    check: 'Als Bild prüfen',
    checking: 'Der Monitor zeichnet die Folien …',
    rendered: 'Vom Monitor gezeichnet',
    renderedAlt: (orientation) => `Vom Monitor gezeichnete Folie, ${orientation}`,
    fixFirst: 'Bitte zuerst die markierten Angaben korrigieren.',
  },
  statusView: {
    heading: 'Status des Monitors',
    refresh: 'Aktualisieren',
    updated: (time) => `Stand: ${time} Uhr`,
    monitor: 'Monitor',
    software: 'Software',
    config: 'Konfiguration',
    configVersion: (version) => `Version ${version}`,
    uptime: 'Läuft seit',
    uptimeValue: (days, hours, minutes) =>
      [
        days > 0 ? `${days} ${days === 1 ? 'Tag' : 'Tagen'}` : '',
        hours > 0 ? `${hours} Std.` : '',
        `${minutes} Min.`,
      ]
        .filter(Boolean)
        .join(' '),
    display: 'Bildschirm',
    displayOn: 'an',
    displayOff: 'aus (außerhalb der Anzeigezeiten)',
    currentSlide: 'Aktuelle Folie',
    noSlide: 'noch keine gezeigt',
    slideSince: (time) => `seit ${time} Uhr`,
    sources: 'Quellen',
    noSources: 'Keine Quellen eingerichtet.',
    sourceColumns: {
      id: 'Quelle',
      type: 'Art',
      lastOk: 'Zuletzt erfolgreich',
      lastError: 'Letzter Fehler',
      items: 'Einträge',
    },
    never: 'noch nie',
    none: 'keiner',
    screenshot: 'Bildschirmfoto',
    screenshotRefresh: 'Bildschirmfoto aktualisieren',
    screenshotAlt: (time) => `Bildschirmfoto des Monitors von ${time} Uhr`,
    screenshotAuto: 'Wird alle 30 Sekunden erneuert, solange diese Ansicht offen und sichtbar ist.',
  },
  translate: (message) => message,
}

/** The schema's and the API's German messages, for the English page. */
const ENGLISH_MESSAGES: Record<string, string> = {
  'Bitte eine Überschrift eingeben': 'Please enter a headline',
  'Höchstens 120 Zeichen': 'At most 120 characters',
  'Höchstens 1500 Zeichen': 'At most 1500 characters',
  'Unbekanntes Bild': 'Unknown image',
  'Unbekanntes Bild: bitte das Bild erneut hochladen': 'Unknown image: please upload it again',
  'Nur http(s)-Adressen sind erlaubt': 'Only http(s) addresses are allowed',
  'Zeitpunkt als ISO-8601 mit Zeitzone angeben': 'Give a date and time',
  'Mindestens einen Wochentag wählen': 'Choose at least one weekday',
  'Uhrzeit als HH:mm angeben': 'Give the time as HH:mm',
  'Das Ende muss nach dem Beginn liegen': 'The end must be after the start',
}

const en: Strings = {
  language: 'en',
  appTitle: 'InfoMonitor – Administration',
  skipLink: 'Skip to content',
  switchLanguage: { label: 'Deutsch', lang: 'de' },
  signOut: 'Sign out',
  signedInAs: (role) => `Signed in as ${role}`,
  roles: { press: 'Press office', it: 'IT' },
  monitor: (name) => `Monitor: ${name}`,
  navLabel: 'Sections',
  nav: { notices: 'Notices', status: 'Status' },
  loading: 'Loading …',
  cancel: 'Cancel',
  errors: {
    unauthorized: 'The access token was not accepted. Please check it and sign in again.',
    expired: 'The access token has expired. Please ask IT for a new one.',
    forbidden: 'Your role is not allowed to do this.',
    invalid: 'The entries were not accepted. Please check the marked fields.',
    tooMany: (minutes) =>
      `Too many failed sign-in attempts from this device. Please try again in ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}.`,
    conflict: 'Someone else changed something meanwhile. Please reload and try again.',
    notFound: 'Not found – perhaps it was deleted meanwhile.',
    tooLarge: 'The file is too large (5 MB at most).',
    unavailable: 'The monitor could not do this just now. Please try again in a moment.',
    server: "Error on the monitor. The details are in the monitor's log.",
    network: 'The monitor cannot be reached. Please check the network connection.',
    unexpected: 'Unexpected answer from the monitor.',
  },
  signIn: {
    heading: 'Sign in',
    intro:
      'Sign in with the access token IT gave you. It is kept only in this browser window until you sign out or close the window.',
    token: 'Access token',
    tokenHint: 'Starts with “imt_”.',
    submit: 'Sign in',
    checking: 'Checking …',
    empty: 'Please enter the access token.',
    signedOut: 'You are signed out.',
  },
  status: { scheduled: 'Scheduled', 'on-air': 'On air', paused: 'Paused', expired: 'Expired' },
  priority: { normal: 'Normal', high: 'High', urgent: 'Urgent notice' },
  weekdays: {
    short: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
    long: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
  },
  list: {
    heading: 'Notices',
    caption: 'All notices and where they stand',
    empty: 'No notices yet.',
    refresh: 'Refresh list',
    columns: {
      status: 'Status',
      title: 'Headline',
      period: 'Period',
      priority: 'Priority',
      actions: 'Actions',
    },
    edit: 'Edit',
    editLabel: (title) => `Edit “${title}”`,
    delete: 'Delete',
    deleteLabel: (title) => `Delete “${title}”`,
    deleteTitle: 'Delete notice?',
    deleteText: (title) => `“${title}” will be deleted and leaves the screen at once.`,
    deleted: (title) => `“${title}” was deleted.`,
    from: (date) => `from ${date}`,
    range: (from, until) => `${from} to ${until}`,
    everyDay: 'every day',
    allDay: 'all day',
    targets: (list) => `only for ${list}`,
  },
  form: {
    newHeading: 'New notice',
    editHeading: (title) => `Edit notice: “${title}”`,
    title: 'Headline',
    text: 'Text',
    textHint: 'At most 1500 characters. A long text is spread over several slides.',
    image: 'Image (optional)',
    imageHint: 'PNG, JPEG, WebP or GIF, 5 MB at most.',
    imageUploading: 'Uploading image …',
    imageUploaded: (name) => `Uploaded: ${name}`,
    imageCurrent: 'An image is attached.',
    imageRemove: 'Remove image',
    imageTooLarge: 'The image is larger than 5 MB.',
    imageInvalid: 'This is not a PNG, JPEG, WebP or GIF image.',
    url: 'Link (optional, shown as a QR code)',
    urlHint: 'For example https://www.schmoelln.de/aktuelles',
    start: 'Start',
    end: 'End (optional)',
    timeHint: (zone) => `Time at the monitor (${zone}).`,
    endHint: 'Leave empty: stays until deleted.',
    weekdays: 'Weekdays',
    weekdaysHint: 'All ticked: every day.',
    hours: 'Times of day',
    hoursHint: 'No time windows: all day. A window that ends before it starts runs past midnight.',
    hoursFrom: (index) => `Time window ${index}: from`,
    hoursTo: (index) => `Time window ${index}: until`,
    hoursRemove: (index) => `Remove time window ${index}`,
    hoursAdd: 'Add time window',
    priority: 'Priority',
    priorityHint: 'Send an urgent notice with the red button below.',
    targets: 'Target monitors (optional)',
    targetsHint: 'Separate several with commas. Both empty: every monitor.',
    monitors: 'Monitor ids',
    tags: 'Tags',
    save: 'Save',
    saveChanges: 'Save changes',
    saving: 'Saving …',
    cancelEdit: 'Cancel editing',
    urgent: 'Send as urgent notice …',
    urgentHint: 'An urgent notice interrupts the screen; you are asked once more first.',
    errorSummary: (count) => (count === 1 ? 'Please correct 1 entry.' : `Please correct ${count} entries.`),
    saved: (title) => `“${title}” was saved.`,
    requiredStart: 'Please give the date and time of the start',
    requiredTime: 'Please give a time',
  },
  urgent: {
    title: 'Send urgent notice?',
    textNow:
      'The urgent notice interrupts the screen at once and is shown alone until it ends or is deleted.',
    textLater: (when) =>
      `The urgent notice interrupts the screen from ${when} and is shown alone until it ends or is deleted.`,
    confirm: 'Yes, send urgent notice',
    sent: (title) => `Urgent notice “${title}” was sent.`,
  },
  preview: {
    heading: 'Preview',
    intro: 'This is how the notice appears on the monitor; the preview follows what you type.',
    orientation: { landscape: 'Landscape (1920 × 1080)', portrait: 'Portrait (1080 × 1920)' },
    titlePlaceholder: 'Headline',
    check: 'Check as image',
    checking: 'The monitor is drawing the slides …',
    rendered: 'Drawn by the monitor',
    renderedAlt: (orientation) => `Slide drawn by the monitor, ${orientation}`,
    fixFirst: 'Please correct the marked entries first.',
  },
  statusView: {
    heading: 'Monitor status',
    refresh: 'Refresh',
    updated: (time) => `As of ${time}`,
    monitor: 'Monitor',
    software: 'Software',
    config: 'Configuration',
    configVersion: (version) => `Version ${version}`,
    uptime: 'Running for',
    uptimeValue: (days, hours, minutes) =>
      [
        days > 0 ? `${days} ${days === 1 ? 'day' : 'days'}` : '',
        hours > 0 ? `${hours} h` : '',
        `${minutes} min`,
      ]
        .filter(Boolean)
        .join(' '),
    display: 'Screen',
    displayOn: 'on',
    displayOff: 'off (outside display hours)',
    currentSlide: 'Current slide',
    noSlide: 'none shown yet',
    slideSince: (time) => `since ${time}`,
    sources: 'Sources',
    noSources: 'No sources configured.',
    sourceColumns: {
      id: 'Source',
      type: 'Type',
      lastOk: 'Last success',
      lastError: 'Last error',
      items: 'Items',
    },
    never: 'never',
    none: 'none',
    screenshot: 'Screenshot',
    screenshotRefresh: 'Refresh screenshot',
    screenshotAlt: (time) => `Screenshot of the monitor at ${time}`,
    screenshotAuto: 'Renewed every 30 seconds while this view is open and visible.',
  },
  translate: (message) => ENGLISH_MESSAGES[message] ?? message,
}

export const STRINGS: Record<Language, Strings> = { de, en }

export function stringsFor(language: Language): Strings {
  return STRINGS[language]
}

export const StringsContext = createContext<Strings>(de)

export function useStrings(): Strings {
  return useContext(StringsContext)
}
