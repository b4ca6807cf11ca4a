import { type ReactNode, useState } from 'react';

/**
 * A native select over a project's keys (thousands of them at scale). Its options are put in the DOM only
 * once it is reached (focus, pointer or keyboard): thousands of `<option>`s cost the page a few hundred ms
 * to create and lay out, which would otherwise land between navigation and the first rows.
 */
export function KeySelect({
  label,
  value,
  options,
  empty,
  onChange,
  ...rest
}: {
  label: string;
  value: string;
  options: readonly { value: string; label: string }[];
  /** The option for `''`, if any (e.g. "(none)"). */
  empty?: ReactNode;
  onChange: (value: string) => void;
  'data-testid'?: string;
}) {
  const [reached, setReached] = useState(false);
  const reach = () => setReached(true);
  const shown = reached ? options : options.filter((option) => option.value === value);
  return (
    <label>
      {label}{' '}
      <select
        {...rest}
        value={value}
        onFocus={reach}
        onPointerDown={reach}
        onMouseDown={reach}
        onChange={(e) => onChange(e.target.value)}
      >
        {empty === undefined ? null : <option value="">{empty}</option>}
        {shown.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  );
}
