import type { ReactNode } from 'react';

/** A chart's numbers as a table, folded away by default; the first column names the row. */
export function DataTable({
  caption,
  columns,
  rows,
}: {
  caption: string;
  columns: string[];
  rows: (string | number)[][];
}) {
  return (
    <details className="text-sm">
      <summary className="cursor-pointer text-indigo-800 underline">Show the data as a table</summary>
      <div className="mt-2 max-h-80 overflow-auto">
        <NumberTable caption={caption} columns={columns} rows={rows} />
      </div>
    </details>
  );
}

const format = (value: string | number): ReactNode =>
  typeof value === 'number' ? value.toLocaleString('en') : value;

/** A plain table of figures: text left, numbers right-aligned. */
export function NumberTable({
  caption,
  columns,
  rows,
  captionHidden = true,
}: {
  caption: string;
  columns: string[];
  rows: (string | number)[][];
  captionHidden?: boolean;
}) {
  // Columns of numbers are right-aligned, text columns left, judged by the first row.
  const numeric = columns.map((_, i) => i > 0 && typeof rows[0]?.[i] === 'number');
  return (
    <table className="min-w-full text-left text-sm">
      <caption className={captionHidden ? 'sr-only' : 'pb-2 text-left font-semibold text-slate-900'}>
        {caption}
      </caption>
      <thead className="text-slate-900">
        <tr>
          {columns.map((column, i) => (
            <th key={column} scope="col" className={`px-2 py-1 ${numeric[i] ? 'text-right' : ''}`}>
              {column}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className="text-slate-800">
        {rows.map((row) => (
          <tr key={row.join('\u0000')} className="border-t border-slate-100">
            {row.map((cell, i) => {
              const key = `${row[0]}-${columns[i]}`;
              return i === 0 ? (
                <th key={key} scope="row" className="max-w-[16rem] truncate px-2 py-1 font-normal">
                  {format(cell)}
                </th>
              ) : (
                <td key={key} className={`px-2 py-1 tabular-nums ${numeric[i] ? 'text-right' : ''}`}>
                  {format(cell)}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
