/** The small grey "Archived" mark beside an archived record's name. */
export function ArchivedBadge() {
  return <span className="ml-2 rounded bg-slate-200 px-1.5 py-0.5 text-xs text-slate-700">Archived</span>;
}
