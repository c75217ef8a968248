import { notFound } from 'next/navigation';
import { DomainError } from '@/db/core/errors';

/** A data-layer "not found" becomes the 404 page; anything else propagates. */
export async function orNotFound<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof DomainError && error.kind === 'not_found') notFound();
    throw error;
  }
}
