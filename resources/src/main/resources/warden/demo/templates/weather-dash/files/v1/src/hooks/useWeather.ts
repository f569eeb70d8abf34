import { useCallback, useEffect, useState } from 'react';
import { fetchForecast } from '../api/openMeteo';
import type { Location, WeatherReport } from '../types';

interface WeatherState {
  data: WeatherReport | null;
  loading: boolean;
  error: string | null;
}

export function useWeather(location: Location | null) {
  const [state, setState] = useState<WeatherState>({ data: null, loading: false, error: null });
  const [reloadToken, setReloadToken] = useState(0);

  useEffect(() => {
    if (!location) return;

    setState((previous) => ({ ...previous, loading: true, error: null }));

    fetchForecast(location)
      .then((data) => setState({ data, loading: false, error: null }))
      .catch((error: unknown) => {
        setState((previous) => ({
          data: previous.data,
          loading: false,
          error: error instanceof Error ? error.message : 'Unknown error',
        }));
      });
  }, [location, reloadToken]);

  const refresh = useCallback(() => setReloadToken((token) => token + 1), []);

  return { ...state, refresh };
}
