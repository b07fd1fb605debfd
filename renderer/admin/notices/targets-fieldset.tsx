import { useStrings } from '../i18n/index.js'
import { type DraftFieldsProps, InputField } from './form-field.js'

/** The two kinds of target, each a comma-separated list in the draft. */
const TARGETS = ['monitors', 'tags'] as const

/** Which monitors show the notice: by id, by tag, or (both empty) every one. */
export function TargetsFieldset({ draft, errors, update }: DraftFieldsProps) {
  const s = useStrings()
  return (
    <fieldset class="fieldset" aria-describedby="notice-targets-hint">
      <legend>{s.form.targets}</legend>
      <div class="field-row">
        {TARGETS.map((target) => (
          <InputField
            key={target}
            id={`notice-${target}`}
            label={s.form[target]}
            error={errors[`targets.${target}`]}
            type="text"
            autocomplete="off"
            spellcheck={false}
            value={draft[target]}
            onValue={(value) => update({ [target]: value })}
          />
        ))}
      </div>
      <p id="notice-targets-hint" class="field__hint">
        {s.form.targetsHint}
      </p>
    </fieldset>
  )
}
