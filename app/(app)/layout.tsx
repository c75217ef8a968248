import { AppShell } from '@/components/shell/app-shell';
import { requireActor } from '@/app/_lib/session';

export default async function SignedInLayout({ children }: { children: React.ReactNode }) {
  const actor = await requireActor();
  return <AppShell actor={actor}>{children}</AppShell>;
}
