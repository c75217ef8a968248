/** One line of a totals list (`<dl>`): its label and the amount. */
export function TotalRow({
  label,
  value,
  className = 'flex justify-between',
  testId,
}: {
  label: string;
  value: string;
  className?: string;
  testId?: string;
}) {
  return (
    <div className={className}>
      <dt>{label}</dt>
      <dd data-testid={testId}>{value}</dd>
    </div>
  );
}
