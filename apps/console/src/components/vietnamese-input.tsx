import { useEffect, useRef, useState } from 'react';
import { parseVietnameseInput, VIETNAMESE_INPUT_FORMATS, vietnameseInputText, type VietnameseInputKind } from '../format';

interface VietnameseInputProps {
  kind: VietnameseInputKind;
  name: string;
  /** The value as the form keeps it: `2026-12-31`, `2026-12-31T08:00` or `08:00`; '' for none. */
  value: string;
  onChange(value: string): void;
  required?: boolean;
  disabled?: boolean;
}

/**
 * A date, a date and time, or a time typed as `dd/mm/yyyy`, `HH:mm dd/mm/yyyy`, `HH:mm` (24 h), in place of
 * Chromium's native pickers, which follow the browser's locale rather than the page's. Text that is no real
 * day or time keeps the form from being sent (the browser says why) and gives the form ''.
 */
export function VietnameseInput({ kind, name, value, onChange, required, disabled }: VietnameseInputProps) {
  const [text, setText] = useState(() => vietnameseInputText(kind, value));
  // The value this input last gave the form: any other is a change from outside (a form cleared), shown as it is.
  const given = useRef(value);
  useEffect(() => {
    if (value !== given.current) {
      given.current = value;
      setText(vietnameseInputText(kind, value));
    }
  }, [kind, value]);

  const format = VIETNAMESE_INPUT_FORMATS[kind];
  return (
    <input
      type="text"
      name={name}
      inputMode="numeric"
      autoComplete="off"
      placeholder={format}
      title={`Nhập theo dạng ${format} (giờ Việt Nam, 24 giờ)`}
      value={text}
      required={required}
      disabled={disabled}
      onChange={(event) => {
        const parsed = parseVietnameseInput(kind, event.target.value);
        event.target.setCustomValidity(parsed === null ? `Chưa đúng dạng ${format}, ví dụ ${example(kind)}.` : '');
        setText(event.target.value);
        given.current = parsed ?? '';
        onChange(parsed ?? '');
      }}
    />
  );
}

function example(kind: VietnameseInputKind): string {
  return vietnameseInputText(kind, kind === 'time' ? '07:30' : kind === 'date' ? '2027-02-24' : '2027-02-24T07:30');
}
