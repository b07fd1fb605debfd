/** The shape of the admin page's words: one table of them per language. */
import type { NoticeStatus } from '../../../contracts/notice.js'

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
