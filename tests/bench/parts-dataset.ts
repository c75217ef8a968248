// The chain's parts room for the benchmark dataset (written with the triggers off, like the rest of it, so on
// hand is set here from the movements it writes): vendors, a catalogue, an opening count and receipts per part,
// purchase orders in every status, and parts on the open jobs (the job with 50 notes among them).
import type { Run } from './dataset';

export function partsCounts(scale: number) {
  const n = (base: number) => Math.max(1, Math.round(base * scale));
  return { vendors: n(200), parts: n(20_000), orders: n(30_000), jobsWithParts: n(60_000) };
}

export async function generatePartsData(
  run: Run,
  step: (label: string, statement: string) => Promise<unknown>,
  { scale, fiftyNotesJobId }: { scale: number; fiftyNotesJobId: string },
): Promise<void> {
  const c = partsCounts(scale);
  await step(
    'vendors',
    `insert into vendors (name, contact_name, phone, account_number)
    select 'Vendor ' || v || ' Motor Factors', 'Contact ' || v, '555-3' || lpad(v::text, 6, '0'), 'ACC-' || v
    from generate_series(1, ${c.vendors}) as v`,
  );
  await run(
    `create temp table b_vendor on commit drop as select id, row_number() over (order by id) as n from vendors`,
  );
  await step(
    'parts',
    `insert into parts (sku, name, brand, unit_cost_cents, unit_price_cents, bin, reorder_point_hundredths, vendor_id)
    select 'SKU-' || lpad(p::text, 7, '0'),
      (array['Oil filter', 'Brake pads', 'Air filter', 'Spark plug', 'Wiper blade', 'Brake disc', 'Cabin filter', 'Battery'])[1 + p % 8]
        || ' ' || (array['compact', 'sedan', 'van', 'SUV', 'truck'])[1 + (p / 8) % 5] || ' ' || p,
      (array['Bosch', 'Mann', 'NGK', 'Brembo', 'Varta'])[1 + p % 5], 300 + (p * 37) % 9000, 800 + (p * 53) % 20000,
      chr(65 + p % 20) || '-' || (1 + p % 40), (p % 5) * 100, (select id from b_vendor where n = 1 + p % ${c.vendors})
    from generate_series(1, ${c.parts}) as p`,
  );
  const admin = `(select id from users where role = 'admin' order by created_at limit 1)`;
  await step(
    'opening counts',
    `insert into stock_movements (part_id, quantity_hundredths, kind, reason, created_by)
    select id, 100 * (1 + abs(hashtext(id::text)) % 40), 'adjustment', 'Opening count', ${admin} from parts`,
  );
  // Numbered after the database's last purchase order (a database with other orders in it, as in the tests).
  const lastNumber = `(select coalesce(max(last_number), 0) from purchase_order_counter)`;
  await step(
    'purchase orders',
    `insert into purchase_orders (number, vendor_id, status, expected_at, created_by, created_at, ordered_at, cancelled_at)
    select ${lastNumber} + o, (select id from b_vendor where n = 1 + o % ${c.vendors}),
      (array['received', 'received', 'received', 'ordered', 'partially_received', 'draft', 'cancelled'])[1 + o % 7]::purchase_order_status,
      now() + ((o % 20) - 10) * interval '1 day', ${admin}, now() - (${c.orders} - o) * interval '1 hour',
      now() - (${c.orders} - o) * interval '1 hour', case when o % 7 = 6 then now() else null end
    from generate_series(1, ${c.orders}) as o`,
  );
  await step(
    'purchase order lines',
    `insert into purchase_order_lines (purchase_order_id, position, part_id, description, quantity_hundredths, unit_cost_cents, received_hundredths)
    select po.id, l, p.id, p.sku || ' ' || p.name, 500, p.unit_cost_cents,
      case po.status when 'received' then 500 when 'partially_received' then case when l = 1 then 500 else 0 end else 0 end
    from purchase_orders po cross join generate_series(1, 3) as l
    join parts p on p.sku = 'SKU-' || lpad((1 + (po.number * 3 + l) % ${c.parts})::text, 7, '0')
    where not exists (select 1 from purchase_order_lines x where x.purchase_order_id = po.id)`,
  );
  await step(
    'receipts',
    `insert into stock_movements (part_id, quantity_hundredths, kind, purchase_order_line_id, created_by)
    select part_id, received_hundredths, 'receipt', id, ${admin} from purchase_order_lines line
    where received_hundredths > 0
      and not exists (select 1 from stock_movements m where m.purchase_order_line_id = line.id)`,
  );
  await run(`insert into purchase_order_counter (id, last_number) values (true, (select max(number) from purchase_orders))
    on conflict (id) do update set last_number = excluded.last_number`);
  await step(
    'job parts',
    `insert into job_parts (job_id, part_id, description, quantity_hundredths, unit_price_cents, unit_cost_cents, status, added_by)
    select j.id, p.id, p.name, 100, p.unit_price_cents, p.unit_cost_cents,
      (array['needed', 'installed', 'installed', 'received', 'returned'])[1 + (j.number + k) % 5]::job_part_status, j.created_by
    from (select id, number, created_by from jobs where status not in ('cancelled') order by number desc limit ${c.jobsWithParts}) j
    cross join generate_series(1, 2) as k
    join parts p on p.sku = 'SKU-' || lpad((1 + (j.number * 7 + k) % ${c.parts})::text, 7, '0')
    union all
    select '${fiftyNotesJobId}'::uuid, p.id, p.name, 100 * k, p.unit_price_cents, p.unit_cost_cents, 'needed', ${admin}
    from generate_series(1, 8) as k join parts p on p.sku = 'SKU-' || lpad(k::text, 7, '0')`,
  );
  await step(
    'issues',
    `with new_parts as (
      select * from job_parts jp where part_id is not null
        and not exists (select 1 from stock_movements m where m.job_part_id = jp.id))
    insert into stock_movements (part_id, quantity_hundredths, kind, job_part_id, created_by)
    select part_id, -quantity_hundredths, 'issue'::stock_movement_kind, id, added_by from new_parts
    where status in ('installed', 'returned')
    union all
    select part_id, quantity_hundredths, 'return'::stock_movement_kind, id, added_by from new_parts where status = 'returned'`,
  );
  await step(
    'on hand',
    `update parts set on_hand_hundredths = greatest(0, m.total)
    from (select part_id, sum(quantity_hundredths) as total from stock_movements group by part_id) m where m.part_id = parts.id`,
  );
}
