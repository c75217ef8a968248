import { expect, it } from 'vitest';
import { safeCallbackPath } from '@/components/auth/safe-callback';

const site = 'https://erp.example';

it.each([
  '/\\evil.example',
  '/\t/evil.example',
  decodeURIComponent('/%09/evil.example'),
  '//evil.example',
  '///evil.example',
  'https://evil.example/jobs',
  'http://erp.example/jobs',
  'javascript:alert(1)',
  '\n//evil.example',
  '',
])('a sign-in that names %j as the way back lands on the home page', (target) => {
  expect(safeCallbackPath(target, site)).toBe('/');
});

it('a repeated callbackUrl (an array) is ignored, not a crash', () => {
  expect(safeCallbackPath(['/jobs', '//evil.example'], site)).toBe('/');
  expect(safeCallbackPath(undefined, site)).toBe('/');
});

it('a page of this site is where the sign-in returns to', () => {
  expect(safeCallbackPath('/jobs/123?tab=notes#n1', site)).toBe('/jobs/123?tab=notes#n1');
  expect(safeCallbackPath('https://erp.example/customers', site)).toBe('/customers');
  expect(safeCallbackPath('/my-jobs')).toBe('/my-jobs');
});
