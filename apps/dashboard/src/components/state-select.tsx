import { Field } from './field';

interface Props {
  id: string;
  /** The states offered, in the order given. */
  states: readonly { code: string; name: string }[];
  value: string;
  onChange: (stateCode: string) => void;
  errors?: string[];
}

/** The required "Entidad federativa" choice of a form, by name. */
export function StateSelectField({ id, states, value, onChange, errors }: Props) {
  return (
    <Field id={id} label="Entidad federativa" errors={errors} required>
      {(a11y) => (
        <select {...a11y} value={value} onChange={(e) => onChange(e.target.value)}>
          <option value="">Elija una entidad…</option>
          {states.map((s) => (
            <option key={s.code} value={s.code}>
              {s.name}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
