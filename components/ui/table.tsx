import type { HTMLAttributes, Key, ReactNode, TdHTMLAttributes, ThHTMLAttributes } from 'react';

// The one table look: a white list of rows under a slate header. Small wrappers over the HTML elements; the
// caller adds widths, alignment and wrapping with className. The cells' padding is set once by the table
// (`density`) so a row cannot end up half compact.

const densityClasses = {
  /** Lists that fill the page (customers, vehicles, users, a customer's jobs). */
  comfortable: '[&_td]:px-4 [&_td]:py-2 [&_th]:px-4 [&_th]:py-2',
  /** Documents and money lists (invoices, the audit log). */
  compact: '[&_td]:px-3 [&_td]:py-2 [&_th]:px-3 [&_th]:py-2',
} as const;

function join(...classes: (string | false | undefined)[]): string {
  return classes.filter(Boolean).join(' ');
}

export function Table({
  density = 'comfortable',
  fixed = false,
  className,
  ...props
}: HTMLAttributes<HTMLTableElement> & {
  density?: keyof typeof densityClasses;
  /** Column widths from the header (table-layout: fixed), so long values wrap instead of widening the page. */
  fixed?: boolean;
}) {
  return (
    <table
      className={join('w-full text-left text-sm', fixed && 'table-fixed', densityClasses[density], className)}
      {...props}
    />
  );
}

/** A header cell given as data: its label, or its label and the cell's classes (width, alignment). */
export type Column = string | readonly [label: ReactNode, className: string];

/** The header row: `columns` (plain headings), then any TableHead children (a heading with markup). */
export function TableHeader({
  columns = [],
  className,
  children,
  ...props
}: HTMLAttributes<HTMLTableSectionElement> & { columns?: Column[] }) {
  return (
    <thead className={join('bg-slate-50 text-slate-600', className)} {...props}>
      <tr>
        {columns.map((column, index) =>
          typeof column === 'string' ? (
            <TableHead key={index}>{column}</TableHead>
          ) : (
            <TableHead key={index} className={column[1]}>
              {column[0]}
            </TableHead>
          ),
        )}
        {children}
      </tr>
    </thead>
  );
}

export function TableBody(props: HTMLAttributes<HTMLTableSectionElement>) {
  return <tbody {...props} />;
}

type RowAttributes = HTMLAttributes<HTMLTableRowElement> & { 'data-testid'?: string };

/**
 * The body of a list: one TableRow per item (keyed by its `id` unless `rowKey` says otherwise, with `rowProps`),
 * its cells from `children(row, index)`.
 */
export function TableRows<T>({
  rows,
  rowKey = (row) => (row as { id: Key }).id,
  rowProps,
  children,
}: {
  rows: readonly T[];
  rowKey?: (row: T, index: number) => Key;
  rowProps?: RowAttributes | ((row: T) => RowAttributes);
  children: (row: T, index: number) => ReactNode;
}) {
  return (
    <tbody>
      {rows.map((row, index) => (
        <TableRow key={rowKey(row, index)} {...(typeof rowProps === 'function' ? rowProps(row) : rowProps)}>
          {children(row, index)}
        </TableRow>
      ))}
    </tbody>
  );
}

export function TableRow({ className, ...props }: HTMLAttributes<HTMLTableRowElement>) {
  return <tr className={join('border-t border-slate-100', className)} {...props} />;
}

export function TableHead({ className, scope = 'col', ...props }: ThHTMLAttributes<HTMLTableCellElement>) {
  return <th scope={scope} className={join('font-medium', className)} {...props} />;
}

export function TableCell(props: TdHTMLAttributes<HTMLTableCellElement>) {
  return <td {...props} />;
}
