'use client';

import { usePathname, useRouter } from 'next/navigation';
import { useEffect, useRef, useState, useTransition } from 'react';
import { CheckboxField, controlClasses } from '@/components/ui/fields';

/**
 * One search box with results as you type: the text goes to the URL (?q=, after a short pause) and the server
 * page runs the query. "Show archived" adds ?archived=1. Any paging cursor is dropped on a new search.
 */
export function SearchBox({
  query,
  showArchived,
  placeholder,
  label = 'Search',
  extraParams = {},
  archivedToggle = true,
}: {
  query: string;
  showArchived: boolean;
  placeholder: string;
  label?: string;
  extraParams?: Record<string, string>;
  archivedToggle?: boolean;
}) {
  const router = useRouter();
  const pathname = usePathname();
  const [text, setText] = useState(query);
  const [archived, setArchived] = useState(showArchived);
  const [pending, startTransition] = useTransition();
  const firstRun = useRef(true);
  // When the URL changes from outside (a nav link, back button), show what it says; our own pushes are kept.
  const [pushed, setPushed] = useState({ query, showArchived });
  const [seen, setSeen] = useState({ query, showArchived });
  if (seen.query !== query || seen.showArchived !== showArchived) {
    setSeen({ query, showArchived });
    if (query !== pushed.query) setText(query);
    if (showArchived !== pushed.showArchived) setArchived(showArchived);
  }

  useEffect(() => {
    if (firstRun.current) {
      firstRun.current = false;
      return;
    }
    const timer = setTimeout(() => {
      const params = new URLSearchParams(extraParams);
      if (text.trim()) params.set('q', text.trim());
      if (archived) params.set('archived', '1');
      const search = params.toString();
      setPushed({ query: text.trim(), showArchived: archived });
      startTransition(() => router.replace(search ? `${pathname}?${search}` : pathname, { scroll: false }));
    }, 250);
    return () => clearTimeout(timer);
    // extraParams is a fresh object each render; its contents never change for one page
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [text, archived, pathname, router]);

  return (
    <div className="mb-4 flex flex-wrap items-end gap-4" role="search">
      <div className="min-w-64 flex-1 space-y-1">
        <label htmlFor="search-q" className="block text-sm font-medium text-slate-700">
          {label}
        </label>
        <input
          id="search-q"
          type="search"
          name="q"
          autoComplete="off"
          value={text}
          placeholder={placeholder}
          onChange={(event) => setText(event.target.value)}
          className={controlClasses}
        />
      </div>
      {archivedToggle ? (
        <CheckboxField
          label="Show archived"
          name="archived"
          checked={archived}
          onChange={(event) => setArchived(event.target.checked)}
        />
      ) : null}
      <span aria-live="polite" className="min-h-10 text-sm text-slate-500">
        {pending ? 'Searching…' : ''}
      </span>
    </div>
  );
}
