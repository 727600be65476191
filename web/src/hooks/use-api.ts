import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';

export interface ApiState<T> {
  data: T | undefined;
  error: Error | undefined;
  /** True while the current key is being fetched (also on reload, when the previous data is kept). */
  loading: boolean;
  reload: () => void;
}

interface Settled<T> {
  key: string;
  tick: number;
  data?: T;
  error?: Error;
}

/**
 * Loads data for a key (a string naming what is shown, e.g. `items?department=SCJ&page=2`); a new
 * key aborts the request for the old one. A null key loads nothing (waiting for input).
 */
export function useApi<T>(key: string | null, load: (signal: AbortSignal) => Promise<T>): ApiState<T> {
  const loadRef = useRef(load);
  useLayoutEffect(() => {
    loadRef.current = load;
  });
  const [tick, setTick] = useState(0);
  const [settled, setSettled] = useState<Settled<T> | null>(null);

  useEffect(() => {
    if (key === null) return;
    const ctl = new AbortController();
    loadRef.current(ctl.signal).then(
      (data) => {
        if (!ctl.signal.aborted) setSettled({ key, tick, data });
      },
      (error: unknown) => {
        if (!ctl.signal.aborted)
          setSettled({ key, tick, error: error instanceof Error ? error : new Error(String(error)) });
      },
    );
    return () => ctl.abort();
  }, [key, tick]);

  const reload = useCallback(() => setTick((n) => n + 1), []);
  const sameKey = settled !== null && settled.key === key;
  const current = sameKey && settled.tick === tick;
  return {
    data: sameKey ? settled.data : undefined,
    error: current ? settled.error : undefined,
    loading: key !== null && !current,
    reload,
  };
}
