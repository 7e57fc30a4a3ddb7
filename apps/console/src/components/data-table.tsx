import { type KeyboardEvent, type ReactNode } from 'react';

export interface Column<Row> {
  header: string;
  cell(row: Row): ReactNode;
  className?: string;
}

interface DataTableProps<Row> {
  id?: string;
  rows: Row[];
  columns: Column<Row>[];
  rowKey(row: Row): string | number;
  rowAttributes?(row: Row): Record<string, string>;
  /** Rows the user can open: reachable by Tab, opened by click, Enter or Space. */
  onOpen?(row: Row): void;
  selected?: string | number | null;
  empty: string;
  caption?: string;
}

/** A table that scrolls inside its card on narrow screens; rows open by mouse or keyboard. */
export function DataTable<Row>({ id, rows, columns, rowKey, rowAttributes, onOpen, selected, empty, caption }: DataTableProps<Row>) {
  if (rows.length === 0) return <p className="muted empty">{empty}</p>;
  const keyDown = (row: Row) => (event: KeyboardEvent<HTMLTableRowElement>) => {
    if (event.target !== event.currentTarget) return;
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onOpen?.(row);
    }
  };
  return (
    <div className="scroll">
      <table id={id}>
        {caption && <caption>{caption}</caption>}
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.header} scope="col">
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const key = rowKey(row);
            return (
              <tr
                key={key}
                {...rowAttributes?.(row)}
                className={onOpen ? `selectable${selected === key ? ' selected' : ''}` : undefined}
                tabIndex={onOpen ? 0 : undefined}
                aria-selected={onOpen ? selected === key : undefined}
                onClick={onOpen ? (event) => !(event.target as HTMLElement).closest('button, a, input') && onOpen(row) : undefined}
                onKeyDown={onOpen ? keyDown(row) : undefined}
              >
                {columns.map((column) => (
                  <td key={column.header} className={column.className}>
                    {column.cell(row)}
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
