// Estimates and the customer's authorization (issue 14). Staff endpoints need a bearer token (admins, and
// workers who can see the job); the two public ones take the approval link's token in the path instead.
import { z } from 'zod';
import {
  estimateInput,
  estimateReadStatuses,
  publicAnswerInput,
  staffAuthorizationInput,
  type AuthorizationDto,
  type EstimateDto,
  type PublicEstimateDto,
  type SentEstimateDto,
} from '@/db/estimates';
import { invoiceLineInput } from '@/db/invoices';
import { authorizationChannel, invoiceLineKind } from '@/db/schema';
import { component, matching } from '../components';
import type { ApiRouteSpec } from '../route-spec';
import { person, technicianId, timestamp, uuid as id, vehicleNameShape } from './fields';

const lineShape = {
  id,
  kind: z.enum(invoiceLineKind.enumValues),
  description: z.string(),
  quantity: z.string().describe('Decimal text with two places ("1.50").'),
  unitPriceCents: z.number().int(),
  lineTotalCents: z.number().int().describe('Quantity × unit price, before tax.'),
  taxCents: z.number().int(),
  totalCents: z.number().int().describe('The line with its tax.'),
};

export const authorizationDto = component(
  'Authorization',
  z.object({
    id,
    estimateId: id,
    channel: z.enum(authorizationChannel.enumValues),
    authorizedBy: z.string(),
    approvedLineIds: z.array(id),
    approvedTotalCents: z.number().int().describe('The approved lines with their tax.'),
    note: z.string().nullable(),
    recordedBy: person.nullable().describe('Staff who recorded a phone or in-person answer; null for the link.'),
    createdAt: timestamp,
  }),
  matching<AuthorizationDto>(),
);

const status = z
  .enum(estimateReadStatuses)
  .describe('`expired`: a sent estimate past its expires_at (it can no longer be answered).');

export const estimateDto = component(
  'Estimate',
  z.object({
    id,
    jobId: id,
    version: z.number().int(),
    status,
    currency: z.string(),
    lines: z.array(
      z.object({ ...lineShape, position: z.number().int(), taxRateBasisPoints: z.number().int(), technicianId }),
    ),
    subtotalCents: z.number().int(),
    taxCents: z.number().int(),
    totalCents: z.number().int(),
    approvedTotalCents: z.number().int().nullable().describe('Null until answered.'),
    notes: z.string().nullable(),
    validDays: z.number().int(),
    sentAt: timestamp.nullable(),
    expiresAt: timestamp.nullable(),
    createdAt: timestamp,
    authorizations: z.array(authorizationDto),
  }),
  matching<EstimateDto>(),
);

export const estimateListDto = component(
  'EstimateList',
  z.object({ data: z.array(estimateDto).describe('Every version, newest first.') }),
);

export const sentEstimateDto = component(
  'SentEstimate',
  z.object({
    estimate: estimateDto,
    approvalUrl: z.string().describe('Absolute: the app’s public URL + /approve/<token>. Shown once only.'),
    expiresAt: timestamp,
  }),
  matching<SentEstimateDto>(),
);

export const publicEstimateDto = component(
  'PublicEstimate',
  z.object({
    status,
    version: z.number().int(),
    currency: z.string(),
    locale: z.string(),
    shop: z.object({ name: z.string(), address: z.string().nullable(), phone: z.string().nullable() }),
    terms: z.string().nullable(),
    vehicle: z.object({ ...vehicleNameShape, plate: z.string().nullable() }),
    complaint: z.string(),
    lines: z.array(z.object(lineShape)),
    subtotalCents: z.number().int(),
    taxCents: z.number().int(),
    totalCents: z.number().int(),
    approvedTotalCents: z.number().int().nullable(),
    expiresAt: timestamp.nullable(),
    answer: z.object({ approvedLineIds: z.array(id), authorizedBy: z.string(), createdAt: timestamp }).nullable(),
  }),
  matching<PublicEstimateDto>(),
);

/** The body of create and edit: `unit_price_cents` is required over the API (the shop rate is the form's). */
export const apiEstimateInput = estimateInput.extend({
  lines: z
    .array(invoiceLineInput.extend({ unitPriceCents: invoiceLineInput.shape.unitPriceCents.unwrap() }), {
      error: 'Add at least one line.',
    })
    .min(1, 'Add at least one line.')
    .max(100, 'An estimate has at most 100 lines.'),
});

export const estimatesRoutes: ApiRouteSpec[] = [
  {
    method: 'POST',
    path: '/api/v1/jobs/{id}/estimates',
    operationId: 'createEstimate',
    summary: 'Write a new estimate version for a job',
    description:
      'A new draft version (1, 2, 3 …), priced like an invoice; the previous current version becomes superseded and its link dies.',
    tag: 'Estimates',
    body: apiEstimateInput,
    response: estimateDto,
    status: 201,
    errors: [409],
  },
  {
    method: 'GET',
    path: '/api/v1/jobs/{id}/estimates',
    operationId: 'listJobEstimates',
    summary: 'Every estimate version of a job, newest first',
    tag: 'Estimates',
    response: estimateListDto,
  },
  {
    method: 'GET',
    path: '/api/v1/estimates/{id}',
    operationId: 'getEstimate',
    summary: 'One estimate version with its lines and answers',
    tag: 'Estimates',
    response: estimateDto,
  },
  {
    method: 'PATCH',
    path: '/api/v1/estimates/{id}',
    operationId: 'updateEstimate',
    summary: 'Edit a draft estimate',
    description: 'Same body as create. Only a draft can be edited (409 otherwise: revise it).',
    tag: 'Estimates',
    body: apiEstimateInput,
    response: estimateDto,
    errors: [409],
  },
  {
    method: 'POST',
    path: '/api/v1/estimates/{id}/send',
    operationId: 'sendEstimate',
    summary: 'Send a draft to the customer: the approval link',
    description:
      'Freezes the estimate and answers the approval link (shown this once: only its SHA-256 is stored) and its expiry. An estimate already sent answers 409.',
    tag: 'Estimates',
    response: sentEstimateDto,
    errors: [409],
  },
  {
    method: 'POST',
    path: '/api/v1/estimates/{id}/revise',
    operationId: 'reviseEstimate',
    summary: 'Revise a sent or answered estimate',
    description: 'A new draft version with the same lines; this one is superseded and its link dies.',
    tag: 'Estimates',
    response: estimateDto,
    status: 201,
    errors: [409],
  },
  {
    method: 'POST',
    path: '/api/v1/estimates/{id}/authorizations',
    operationId: 'recordAuthorization',
    summary: 'Record a phone or in-person authorization',
    description:
      'Only on a sent, unexpired, unanswered estimate (409 otherwise). An empty `approved_line_ids` records a decline.',
    tag: 'Estimates',
    body: staffAuthorizationInput,
    response: authorizationDto,
    status: 201,
    errors: [409],
  },
  {
    method: 'GET',
    path: '/api/public/approvals/{token}',
    operationId: 'getPublicApproval',
    summary: 'The estimate as the customer sees it (no sign-in)',
    description:
      '404 for an unknown token, 410 for a superseded or expired estimate; at most 20 requests a minute per client address (429).',
    tag: 'Estimates',
    auth: false,
    response: publicEstimateDto,
    errors: [410, 429],
  },
  {
    method: 'POST',
    path: '/api/public/approvals/{token}',
    operationId: 'answerPublicApproval',
    summary: 'The customer’s answer (no sign-in)',
    description:
      'The ticked lines are approved; an empty list declines. 409 when already answered, 410 when superseded or expired, 422 for a line not on this estimate or a missing name, 429 past 20 requests a minute.',
    tag: 'Estimates',
    auth: false,
    body: publicAnswerInput,
    response: publicEstimateDto,
    status: 201,
    errors: [409, 410, 429],
  },
];
