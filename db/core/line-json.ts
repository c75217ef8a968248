// The JSON of one priced line (an invoice's or an estimate's: the two tables share these columns), for the
// json_agg that carries a document's lines in the document's own row.
import { sql, type AnyColumn } from 'drizzle-orm';

type PricedLineColumns = Record<
  | 'id'
  | 'position'
  | 'kind'
  | 'description'
  | 'quantity'
  | 'unitPriceCents'
  | 'taxRateBasisPoints'
  | 'lineTotalCents'
  | 'taxCents'
  | 'technicianId',
  AnyColumn
>;

/** `json_build_object(…)` of a line in the DTO's camelCase (quantity as its decimal text; the labor line's technician or null). */
export function pricedLineJson(line: PricedLineColumns) {
  return sql`json_build_object(
    'id', ${line.id}, 'position', ${line.position}, 'kind', ${line.kind},
    'description', ${line.description}, 'quantity', ${line.quantity}::text,
    'unitPriceCents', ${line.unitPriceCents}, 'taxRateBasisPoints', ${line.taxRateBasisPoints},
    'lineTotalCents', ${line.lineTotalCents}, 'taxCents', ${line.taxCents},
    'technicianId', ${line.technicianId}
  )`;
}
