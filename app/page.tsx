import { redirect } from 'next/navigation';
import { homePathFor, requireActor } from '@/app/_lib/session';

export default async function Home() {
  const actor = await requireActor();
  redirect(homePathFor(actor));
}
