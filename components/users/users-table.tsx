import Link from 'next/link';
import { Table, TableCell, TableHeader, TableRows } from '@/components/ui/table';
import type { UserDto } from '@/db/users';
import { roleLabels } from './role-field';

export function UsersTable({ users, currentUserId }: { users: UserDto[]; currentUserId: string }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white">
      <Table fixed>
        <TableHeader
          columns={[
            ['Name', 'w-[30%]'],
            ['Email', 'w-[40%]'],
            ['Role', 'w-[12%]'],
            ['Status', 'w-[18%]'],
          ]}
        />
        <TableRows rows={users} rowProps={(user) => ({ className: user.active ? undefined : 'text-slate-500' })}>
          {(user) => (
            <>
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
            </>
          )}
        </TableRows>
      </Table>
    </div>
  );
}
