// The body of every error answer (problem.ts writes it); each operation's error responses refer to it.
import { z } from 'zod';
import { component } from '../components';

export const problemDto = component(
  'Problem',
  z
    .object({
      type: z.string().describe('A URI reference identifying the problem type (about:blank: see the status).'),
      title: z.string(),
      status: z.number().int(),
      detail: z.string(),
      errors: z
        .record(z.string(), z.array(z.string()))
        .optional()
        .describe(
          'For 422 (and some 409): messages per field, keyed by the snake_case field path (`lines.0.unit_price_cents`).',
        ),
    })
    .describe('An RFC 9457 problem (application/problem+json).'),
);
