import Link from 'next/link';
import type { UserDto } from '@/db/users';
import { roleLabels } from './role-field';

export function UsersTable({ users, currentUserId }: { users: UserDto[]; currentUserId: string }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white">
      <table className="w-full table-fixed text-left text-sm">
        <thead className="bg-slate-50 text-slate-600">
          <tr>
            <th scope="col" className="w-[30%] px-4 py-2 font-medium">
              Name
            </th>
            <th scope="col" className="w-[40%] px-4 py-2 font-medium">
              Email
            </th>
            <th scope="col" className="w-[12%] px-4 py-2 font-medium">
              Role
            </th>
            <th scope="col" className="w-[18%] px-4 py-2 font-medium">
              Status
            </th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => (
            <tr key={user.id} className={`border-t border-slate-100 ${user.active ? '' : 'text-slate-500'}`}>
              <td className="truncate px-4 py-2">
                <Link
                  href={`/users/${user.id}`}
                  className="font-medium text-brand-700 underline-offset-2 hover:underline"
                >
                  {user.name}
                </Link>
                {user.id === currentUserId ? <span className="ml-2 text-xs text-slate-500">(you)</span> : null}
              </td>
              <td className="truncate px-4 py-2" title={user.email}>
                {user.email}
              </td>
              <td className="px-4 py-2">{roleLabels[user.role]}</td>
              <td className="px-4 py-2">
                {user.active ? (
                  <span className="rounded bg-green-50 px-2 py-0.5 text-green-800">Active</span>
                ) : (
                  <span className="rounded bg-slate-100 px-2 py-0.5 text-slate-700">Deactivated</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
