// The framework floor: a Next.js app with nothing of ours in it (no session, no database, no styles), built and
// started by `npm run bench` beside the app so each run shows what Next itself costs per request on this machine.
export default function Layout({ children }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
