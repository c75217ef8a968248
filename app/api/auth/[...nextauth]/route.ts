import NextAuth from 'next-auth';
import { authOptions } from '@/app/_lib/auth';
import { withBodyLimit } from '../_lib/body-limit';

const handler = withBodyLimit(NextAuth(authOptions));

export { handler as GET, handler as POST };
