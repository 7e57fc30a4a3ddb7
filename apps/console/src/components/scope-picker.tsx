import { useSession } from '../context';

/** A user's province scope: national (null), or the provinces chosen (by click, or by keyboard with Ctrl/Shift and arrows). */
export function ScopePicker({ name, value, onChange }: { name: string; value: string[] | null; onChange(value: string[] | null): void }) {
  const { provinces, user } = useSession();
  // An admin with a province scope grants only within it (the API refuses the rest).
  const mayGrantNational = user.provinceScope === null;
  const choices = mayGrantNational ? provinces : provinces.filter((province) => user.provinceScope!.includes(province.code));
  return (
    <fieldset>
      <legend>Phạm vi tỉnh, thành phố</legend>
      {mayGrantNational && (
        <label className="inline">
          <input type="checkbox" name={`${name}-national`} checked={value === null} onChange={(event) => onChange(event.target.checked ? null : [])} />
          Toàn quốc
        </label>
      )}
      <label>
        Các tỉnh, thành phố được giao
        <select
          name={name}
          multiple
          size={6}
          disabled={value === null}
          value={value ?? []}
          onChange={(event) => onChange([...event.target.selectedOptions].map((option) => option.value))}
        >
          {choices.map((province) => (
            <option key={province.code} value={province.code}>
              {province.code} — {province.name}
            </option>
          ))}
        </select>
      </label>
    </fieldset>
  );
}

/** A scope in words: "Toàn quốc", or the provinces' names. */
export function scopeText(scope: string[] | null, provinceName: (code: string) => string): string {
  return scope === null ? 'Toàn quốc' : scope.map(provinceName).join(', ');
}
