// Tokens and the signed-in user.
import { z } from 'zod';
import type { Actor } from '@/db/core/actor';
import { tokenInput, type TokenDto } from '@/db/auth/tokens';
import { userRole } from '@/db/schema';
import { component, matching } from '../components';
import type { ApiRouteSpec } from '../route-spec';
import { uuid } from './fields';

/** The signed-in user (GET /api/v1/me and the token answer). */
export const meDto = component(
  'Me',
  z.object({ id: uuid, email: z.string(), name: z.string(), role: z.enum(userRole.enumValues) }),
  matching<Actor>(),
);

export const tokenDto = component(
  'Token',
  z.object({
    accessToken: z.string(),
    tokenType: z.literal('Bearer'),
    expiresIn: z.number().int().describe('Seconds until the token expires.'),
    user: meDto,
  }),
  matching<TokenDto>(),
);

export const authRoutes: ApiRouteSpec[] = [
  {
    method: 'POST',
    path: '/api/v1/auth/token',
    operationId: 'createToken',
    summary: 'Exchange an email and password for a bearer token',
    description:
      'The token is valid for `expires_in` seconds (15 minutes). Wrong credentials answer 401; a server busy checking other passwords answers 503 with `Retry-After`.',
    tag: 'Auth',
    auth: false,
    body: tokenInput,
    response: tokenDto,
    errors: [401, 503],
  },
  {
    method: 'GET',
    path: '/api/v1/me',
    operationId: 'getMe',
    summary: 'The user the token belongs to',
    tag: 'Auth',
    response: meDto,
  },
];
