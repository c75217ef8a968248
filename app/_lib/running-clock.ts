import 'server-only';
import { cache } from 'react';
import { getMyRunningClock as readMyRunningClock } from '@/db/time';

/**
 * The signed-in user's running clock, once per request: the layout (the clock in the shell) and My jobs both
 * ask, and React's request cache answers the second from the first (`requireActor` gives both the same actor).
 */
export const getMyRunningClock = cache(readMyRunningClock);
