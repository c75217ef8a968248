import { redirect } from 'next/navigation';
import { homePathFor, requireActor } from '@/db/session';

export default async function Home() {
  const actor = await requireActor();
  redirect(homePathFor(actor));
}
