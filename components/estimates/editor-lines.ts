// An estimate's lines as the line editor's starting rows (unit prices as decimals).
import { centsToDecimal } from '@/components/format';
import type { EditorLine } from '@/components/invoices/invoice-line-editor';
import type { EstimateLineDto } from '@/db/estimates';

export function editorLinesOf(lines: EstimateLineDto[]): EditorLine[] {
  return lines.map((line) => ({
    kind: line.kind,
    description: line.description,
    quantity: line.quantity,
    unitPrice: centsToDecimal(line.unitPriceCents),
    technicianId: line.technicianId,
  }));
}
