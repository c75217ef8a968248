import { AppShell } from '@/components/shell/app-shell';
import { requireActor } from '@/app/_lib/session';
import { getMyRunningClock } from '@/app/_lib/running-clock';

export default async function SignedInLayout({ children }: { children: React.ReactNode }) {
  const actor = await requireActor();
  const clock = await getMyRunningClock(actor);
  return (
    <AppShell actor={actor} clock={clock}>
      {children}
    </AppShell>
  );
}
