import type { ReactNode } from 'react';
import { formatDate, formatMoney, numberFormat, type Locale } from '@/components/format';
import { Table, TableCell, TableHeader, TableRows } from '@/components/ui/table';
import { lineKindLabels, paymentMethodLabels } from '@/db/core/labels';
import type { InvoiceDto } from '@/db/invoices';
import { Section } from '@/components/ui/section';

function vehicleName(vehicle: InvoiceDto['vehicle']): string {
  return [vehicle.year, vehicle.make, vehicle.model].filter(Boolean).join(' ');
}

/** The vehicle as the invoice copied it at issue (a later sale or new plate does not show here). */
export function VehicleSummary({ vehicle, locale }: { vehicle: InvoiceDto['vehicle']; locale: string }) {
  return (
    <>
      <p className="font-medium">{vehicleName(vehicle)}</p>
      {vehicle.plate ? <p>Plate {vehicle.plate}</p> : null}
      {vehicle.vin ? <p className="break-all">VIN {vehicle.vin}</p> : null}
      {vehicle.odometer !== null ? <p>Odometer {numberFormat(locale).format(vehicle.odometer)}</p> : null}
    </>
  );
}

/** The bill-to as the invoice copied it at issue (a renamed customer does not show here). */
export function CustomerSummary({ customer }: { customer: InvoiceDto['billTo'] }) {
  return (
    <>
      <p className="font-medium">{customer.name}</p>
      {customer.company ? <p>{customer.company}</p> : null}
      {customer.address ? <p className="whitespace-pre-line">{customer.address}</p> : null}
      {customer.phone ? <p>{customer.phone}</p> : null}
      {customer.email ? <p className="break-all">{customer.email}</p> : null}
    </>
  );
}

/** A small-caps heading over a block of the invoice's header (bill to, vehicle, job). */
export function HeaderBlock({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div>
      <h2 className="mb-1 text-xs font-semibold tracking-wide text-slate-500 uppercase">{title}</h2>
      {children}
    </div>
  );
}

/** The bill-to and vehicle blocks of an invoice's header (`vehicleNote` under the vehicle). */
export function InvoiceParties({
  invoice,
  locale,
  vehicleNote,
}: {
  invoice: InvoiceDto;
  locale: string;
  vehicleNote?: ReactNode;
}) {
  return (
    <>
      <HeaderBlock title="Bill to">
        <CustomerSummary customer={invoice.billTo} />
      </HeaderBlock>
      <HeaderBlock title="Vehicle">
        <VehicleSummary vehicle={invoice.vehicle} locale={locale} />
        {vehicleNote}
      </HeaderBlock>
    </>
  );
}

/** Lines, totals, payments and balance of an invoice: the same block on screen and on paper. */
export function InvoiceDocument({ invoice, money }: { invoice: InvoiceDto; money: Locale }) {
  const currency = { currency: invoice.currency, locale: money.locale };
  const format = (cents: number) => formatMoney(cents, currency);
  return (
    <div className="space-y-6">
      <Section id="invoice-lines-heading" title="Lines">
        <div className="overflow-hidden rounded-lg border border-slate-200 bg-white print:border-slate-400">
          <Table density="compact">
            <TableHeader
              className="print:bg-white"
              columns={[
                'Kind',
                'Description',
                ['Quantity', 'text-right'],
                ['Unit price', 'text-right'],
                ['Tax', 'text-right'],
                ['Amount', 'text-right'],
              ]}
            />
            <TableRows rows={invoice.lines} rowProps={{ className: 'align-top' }}>
              {(line) => (
                <>
                  <TableCell>{lineKindLabels[line.kind]}</TableCell>
                  <TableCell className="break-words">{line.description}</TableCell>
                  <TableCell className="text-right tabular-nums">
                    {numberFormat(money.locale).format(Number(line.quantity))}
                  </TableCell>
                  <TableCell className="text-right tabular-nums">{format(line.unitPriceCents)}</TableCell>
                  <TableCell className="text-right tabular-nums">
                    {format(line.taxCents)}
                    <span className="block text-xs text-slate-500">
                      {numberFormat(money.locale).format(line.taxRateBasisPoints / 100)}%
                    </span>
                  </TableCell>
                  <TableCell className="text-right tabular-nums">{format(line.lineTotalCents)}</TableCell>
                </>
              )}
            </TableRows>
          </Table>
        </div>
        <dl className="mt-3 ml-auto w-full max-w-xs space-y-1 text-sm" aria-label="Totals">
          <Amount label="Subtotal" value={format(invoice.subtotalCents)} />
          <Amount label="Tax" value={format(invoice.taxCents)} />
          <Amount label="Total" value={format(invoice.totalCents)} strong testId="invoice-total" />
          <Amount label="Paid" value={format(invoice.paidCents)} testId="invoice-paid" />
          <Amount label="Balance" value={format(invoice.balanceCents)} strong testId="invoice-balance" />
        </dl>
      </Section>

      <Section id="invoice-payments-heading" title="Payments">
        {invoice.payments.length === 0 ? (
          <p className="text-sm text-slate-600">No payments yet.</p>
        ) : (
          <div className="overflow-hidden rounded-lg border border-slate-200 bg-white print:border-slate-400">
            <Table density="compact">
              <TableHeader
                className="print:bg-white"
                columns={['Date', 'Method', ['Recorded by', 'print:hidden'], ['Amount', 'text-right']]}
              />
              <TableRows rows={invoice.payments}>
                {(payment) => (
                  <>
                    <TableCell>{formatDate(payment.receivedAt, money.locale)}</TableCell>
                    <TableCell>{paymentMethodLabels[payment.method]}</TableCell>
                    <TableCell className="print:hidden">{payment.recordedBy.name}</TableCell>
                    <TableCell className="text-right tabular-nums">{format(payment.amountCents)}</TableCell>
                  </>
                )}
              </TableRows>
            </Table>
          </div>
        )}
      </Section>
    </div>
  );
}

function Amount({ label, value, strong, testId }: { label: string; value: string; strong?: boolean; testId?: string }) {
  return (
    <div className={`flex justify-between gap-4 ${strong ? 'border-t border-slate-200 pt-1 font-semibold' : ''}`}>
      <dt>{label}</dt>
      <dd className="tabular-nums" data-testid={testId}>
        {value}
      </dd>
    </div>
  );
}
