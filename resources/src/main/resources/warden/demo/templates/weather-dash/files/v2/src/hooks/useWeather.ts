import { useCallback, useEffect, useState } from 'react';
import { fetchForecast } from '../api/openMeteo';
import type { Location, WeatherReport } from '../types';

interface WeatherState {
  data: WeatherReport | null;
  loading: boolean;
  error: string | null;
}

const CACHE_TTL_MS = 10 * 60 * 1000;
const cache = new Map<string, WeatherReport>();

function cacheKey(location: Location): string {
  // ~100 m precision is plenty for a forecast and makes nearby lookups share a cache entry.
  return `${location.latitude.toFixed(3)},${location.longitude.toFixed(3)}`;
}

export function useWeather(location: Location | null) {
  const [state, setState] = useState<WeatherState>({ data: null, loading: false, error: null });
  const [reloadToken, setReloadToken] = useState(0);
  const key = location ? cacheKey(location) : null;

  useEffect(() => {
    if (!location || !key) return;

    const cached = cache.get(key);
    if (cached && reloadToken === 0 && Date.now() - cached.fetchedAt < CACHE_TTL_MS) {
      setState({ data: { ...cached, location }, loading: false, error: null });
      return;
    }

    // Abort the previous request when the city changes, otherwise a slow response
    // for the old city can land after the new one and overwrite it.
    const controller = new AbortController();
    setState((previous) => ({ ...previous, loading: true, error: null }));

    fetchForecast(location, controller.signal)
      .then((data) => {
        cache.set(key, data);
        setState({ data, loading: false, error: null });
      })
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        setState((previous) => ({
          data: previous.data,
          loading: false,
          error: error instanceof Error ? error.message : 'Unknown error',
        }));
      });

    return () => controller.abort();
    // `key` captures the coordinates; depending on the object would refetch on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, reloadToken]);

  const refresh = useCallback(() => setReloadToken((token) => token + 1), []);

  return { ...state, refresh };
}
