// Users: admin only.
import { z } from 'zod';
import { userRole } from '@/db/schema';
import { createUserInput, listUsersInput, resetPasswordInput, updateUserInput, type UserDto } from '@/db/users';
import { component, matching } from '../components';
import type { ApiRouteSpec } from '../route-spec';
import { timestamp, uuid } from './fields';

/** A user as the admin API returns it. */
export const userDto = component(
  'User',
  z.object({
    id: uuid,
    email: z.string(),
    name: z.string(),
    role: z.enum(userRole.enumValues),
    active: z.boolean(),
    deactivatedAt: timestamp.nullable(),
    createdAt: timestamp,
  }),
  matching<UserDto>(),
);

export const usersRoutes: ApiRouteSpec[] = [
  {
    method: 'GET',
    path: '/api/v1/users',
    operationId: 'listUsers',
    summary: 'List users (admin)',
    description:
      'Sorted by name. `q` searches name and email; `include_inactive` (default true) includes deactivated users.',
    tag: 'Users',
    role: 'admin',
    query: listUsersInput,
    list: true,
    response: userDto,
  },
  {
    method: 'POST',
    path: '/api/v1/users',
    operationId: 'createUser',
    summary: 'Create a user (admin)',
    description: 'The password (8–128 characters) is never returned. A duplicate email answers 409.',
    tag: 'Users',
    role: 'admin',
    body: createUserInput,
    response: userDto,
    status: 201,
    errors: [409],
  },
  {
    method: 'GET',
    path: '/api/v1/users/{id}',
    operationId: 'getUser',
    summary: 'Get a user (admin)',
    tag: 'Users',
    role: 'admin',
    response: userDto,
  },
  {
    method: 'PATCH',
    path: '/api/v1/users/{id}',
    operationId: 'updateUser',
    summary: 'Change a user’s name, email or role (admin)',
    description:
      'Only the fields sent are changed. A role change ends that user’s sessions and tokens. You cannot change your own role, and the last active admin cannot be demoted (409).',
    tag: 'Users',
    role: 'admin',
    body: updateUserInput,
    response: userDto,
    errors: [409],
  },
  {
    method: 'POST',
    path: '/api/v1/users/{id}/deactivate',
    operationId: 'deactivateUser',
    summary: 'Deactivate a user (admin)',
    description:
      'The user can no longer sign in, and their sessions and tokens stop working on their next request. You cannot deactivate yourself or the last active admin (409).',
    tag: 'Users',
    role: 'admin',
    response: userDto,
    errors: [409],
  },
  {
    method: 'POST',
    path: '/api/v1/users/{id}/reactivate',
    operationId: 'reactivateUser',
    summary: 'Reactivate a user (admin)',
    tag: 'Users',
    role: 'admin',
    response: userDto,
  },
  {
    method: 'POST',
    path: '/api/v1/users/{id}/reset-password',
    operationId: 'resetUserPassword',
    summary: 'Set a new password for a user (admin)',
    description: 'Ends that user’s sessions and tokens: they sign in again with the new password.',
    tag: 'Users',
    role: 'admin',
    body: resetPasswordInput,
    response: userDto,
  },
];
