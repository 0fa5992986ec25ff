/**
 * Loads data, then again every minute while the tab is visible (at once when it becomes visible
 * after a while away), backing off after failures. A failed refresh keeps the last good data on
 * screen and says so; it never blanks the page.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { nextRefreshDelay, REFRESH_MS } from '../model/refresh.ts';

export interface Refreshing<T> {
  data: T | null;
  fetchedAt: Date | null;
  error: string | null;
  loading: boolean;
  refresh(): void;
}

export function useAutoRefresh<T>(load: () => Promise<T>, key: string): Refreshing<T> {
  const [state, setState] = useState<{ data: T | null; fetchedAt: Date | null; error: string | null; loading: boolean }>({
    data: null,
    fetchedAt: null,
    error: null,
    loading: true,
  });
  const failures = useRef(0);
  const timer = useRef<number | undefined>(undefined);
  const inFlight = useRef(false);
  const loadRef = useRef(load);
  loadRef.current = load;

  // A refresh asked for while one is in flight (say, just after a form was sent) runs again after it,
  // so what the page shows is read after the write.
  const again = useRef(false);
  const run = useCallback(async (): Promise<void> => {
    if (inFlight.current) {
      again.current = true;
      return;
    }
    inFlight.current = true;
    window.clearTimeout(timer.current);
    setState((s) => ({ ...s, loading: true }));
    try {
      const data = await loadRef.current();
      failures.current = 0;
      setState({ data, fetchedAt: new Date(), error: null, loading: false });
    } catch (error) {
      failures.current++;
      setState((s) => ({ ...s, error: (error as Error).message, loading: false }));
    } finally {
      inFlight.current = false;
      if (again.current) {
        again.current = false;
        void run();
        return;
      }
      timer.current = window.setTimeout(() => {
        if (document.visibilityState === 'visible') void run();
      }, nextRefreshDelay(failures.current));
    }
  }, []);

  useEffect(() => {
    setState({ data: null, fetchedAt: null, error: null, loading: true });
    void run();
    let hiddenAt = 0;
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') hiddenAt = Date.now();
      else if (Date.now() - hiddenAt > REFRESH_MS) void run();
    };
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.clearTimeout(timer.current);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [key, run]);

  return { ...state, refresh: () => void run() };
}

/** Re-renders every `ms`, so "3 min ago" stays true between refreshes. */
export function useNow(ms = 15_000): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const id = window.setInterval(() => setNow(new Date()), ms);
    return () => window.clearInterval(id);
  }, [ms]);
  return now;
}
