import Link from 'next/link';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import type { UserDto } from '@/db/users';
import { roleLabels } from './role-field';

export function UsersTable({ users, currentUserId }: { users: UserDto[]; currentUserId: string }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white">
      <Table fixed>
        <TableHeader>
          <TableHead className="w-[30%]">Name</TableHead>
          <TableHead className="w-[40%]">Email</TableHead>
          <TableHead className="w-[12%]">Role</TableHead>
          <TableHead className="w-[18%]">Status</TableHead>
        </TableHeader>
        <TableBody>
          {users.map((user) => (
            <TableRow key={user.id} className={user.active ? undefined : 'text-slate-500'}>
              <TableCell className="truncate">
                <Link
                  href={`/users/${user.id}`}
                  className="font-medium text-brand-700 underline-offset-2 hover:underline"
                >
                  {user.name}
                </Link>
                {user.id === currentUserId ? <span className="ml-2 text-xs text-slate-500">(you)</span> : null}
              </TableCell>
              <TableCell className="truncate" title={user.email}>
                {user.email}
              </TableCell>
              <TableCell>{roleLabels[user.role]}</TableCell>
              <TableCell>
                {user.active ? (
                  <span className="rounded bg-green-50 px-2 py-0.5 text-green-800">Active</span>
                ) : (
                  <span className="rounded bg-slate-100 px-2 py-0.5 text-slate-700">Deactivated</span>
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
