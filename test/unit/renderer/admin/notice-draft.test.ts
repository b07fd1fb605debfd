import { describe, expect, it } from 'vitest'
import type { Notice } from '../../../../contracts/notice.js'
import {
  checkDraft,
  draftFromNotice,
  draftToInput,
  emptyDraft,
  fieldKey,
  firstErrorKey,
  problemsToErrors,
} from '../../../../renderer/admin/notices/notice-draft.js'

const BERLIN = 'Europe/Berlin'
const MESSAGES = { requiredStart: 'Bitte Beginn angeben', requiredTime: 'Bitte Uhrzeit angeben' }
const NOW = Date.parse('2026-06-15T08:00:30Z')

describe('notice draft (form fields ↔ NoticeInput)', () => {
  it('starts a new notice now on the monitor clock, every day, all day, for every monitor', () => {
    const draft = emptyDraft(NOW, BERLIN)
    expect(draft.start).toBe('2026-06-15T10:00')
    const check = checkDraft({ ...draft, title: 'Stadtfest' }, BERLIN, MESSAGES)
    expect(check).toEqual({
      ok: true,
      input: {
        title: 'Stadtfest',
        text: '',
        priority: 'normal',
        validFrom: '2026-06-15T10:00:00+02:00',
        targets: { monitors: [], tags: [] },
      },
    })
  })

  it('sends weekdays only when not all are ticked, hours and targets as lists', () => {
    const input = draftToInput(
      {
        ...emptyDraft(NOW, BERLIN),
        title: 'Markt',
        url: ' https://www.schmoelln.de/markt ',
        end: '2026-12-01T18:00',
        weekdays: [5, 1, 3],
        hours: [{ from: '08:00', to: '12:00' }],
        monitors: 'markt, rathaus',
        tags: 'innenstadt;  ',
      },
      BERLIN,
    )
    expect(input).toMatchObject({
      url: 'https://www.schmoelln.de/markt',
      validUntil: '2026-12-01T18:00:00+01:00',
      weekdays: [1, 3, 5],
      hours: [{ from: '08:00', to: '12:00' }],
      targets: { monitors: ['markt', 'rathaus'], tags: ['innenstadt'] },
    })
  })

  it('reports every field error at once, in the German words of the schema: empty title and end before start together', () => {
    const check = checkDraft(
      {
        ...emptyDraft(NOW, BERLIN),
        title: '  ',
        start: '2026-06-20T10:00',
        end: '2026-06-19T10:00',
        weekdays: [],
      },
      BERLIN,
      MESSAGES,
    )
    expect(check.ok).toBe(false)
    if (check.ok) return
    expect(check.errors).toEqual({
      title: 'Bitte eine Überschrift eingeben',
      weekdays: 'Mindestens einen Wochentag wählen',
      validUntil: 'Das Ende muss nach dem Beginn liegen',
    })
    expect(firstErrorKey(check.errors)).toBe('title')
  })

  it('says "missing" for an empty start or time of day, not "wrong format"', () => {
    const check = checkDraft(
      { ...emptyDraft(NOW, BERLIN), title: 'x', start: '', hours: [{ from: '', to: '10:00' }] },
      BERLIN,
      MESSAGES,
    )
    expect(check.ok || check.errors).toEqual({
      validFrom: 'Bitte Beginn angeben',
      'hours[0].from': 'Bitte Uhrzeit angeben',
    })
  })

  it('maps the 422 problem paths of the API to the fields that show them', () => {
    expect(fieldKey('targets.monitors[3]')).toBe('targets.monitors')
    expect(fieldKey('hours[1].to')).toBe('hours[1].to')
    expect(fieldKey('hours')).toBe('hours')
    expect(fieldKey('weekdays[0]')).toBe('weekdays')
    expect(fieldKey('colour')).toBe('form')
    expect(
      problemsToErrors([
        { path: 'imageId', message: 'Unbekanntes Bild: bitte das Bild erneut hochladen' },
        { path: 'imageId', message: 'second' },
      ]),
    ).toEqual({ imageId: 'Unbekanntes Bild: bitte das Bild erneut hochladen' })
  })

  it('loads a stored notice back into the fields on the monitor clock', () => {
    const notice: Notice = {
      id: 'n1',
      createdAt: '2026-06-01T08:00:00.000Z',
      updatedAt: '2026-06-01T08:00:00.000Z',
      createdBy: 'pressestelle',
      updatedBy: 'pressestelle',
      title: 'Sperrung',
      text: 'Markt gesperrt',
      validFrom: '2026-06-15T06:00:00.000Z',
      validUntil: '2026-11-01T11:00:00.000Z',
      weekdays: [6, 7],
      priority: 'high',
      targets: { monitors: ['markt'], tags: [] },
    }
    const draft = draftFromNotice(notice, BERLIN)
    expect(draft).toMatchObject({
      start: '2026-06-15T08:00',
      end: '2026-11-01T12:00',
      weekdays: [6, 7],
      monitors: 'markt',
    })
    const check = checkDraft(draft, BERLIN, MESSAGES)
    expect(check.ok && Date.parse(check.input.validUntil!)).toBe(Date.parse(notice.validUntil!))
  })
})
