import { useEffect, useState } from 'react';
import { CurrentConditions } from './components/CurrentConditions';
import { ForecastStrip } from './components/ForecastStrip';
import { useWeather } from './hooks/useWeather';
import type { Location } from './types';
import sunIcon from './assets/sun.svg';

const FALLBACK_LOCATION: Location = {
  name: 'Berlin',
  country: 'Germany',
  latitude: 52.52,
  longitude: 13.405,
};

export default function App() {
  const [location, setLocation] = useState<Location | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  useEffect(() => {
    if (!('geolocation' in navigator)) {
      setLocation(FALLBACK_LOCATION);
      return;
    }
    navigator.geolocation.getCurrentPosition(
      (position) =>
        setLocation({
          name: 'Your location',
          latitude: position.coords.latitude,
          longitude: position.coords.longitude,
        }),
      () => {
        setNotice('Location access was denied, so you are seeing Berlin.');
        setLocation(FALLBACK_LOCATION);
      },
      { timeout: 8000, maximumAge: 10 * 60 * 1000 },
    );
  }, []);

  const { data, loading, error, refresh } = useWeather(location);

  return (
    <div className="dashboard">
      <header className="dashboard__header">
        <img src={sunIcon} alt="" width={28} height={28} />
        <h1>Weather</h1>
        <button
          type="button"
          className="dashboard__refresh"
          onClick={refresh}
          disabled={loading || !location}
        >
          {loading ? 'Updating…' : 'Refresh'}
        </button>
      </header>

      {notice && <p className="dashboard__notice">{notice}</p>}
      {error && (
        <p className="dashboard__error" role="alert">
          Couldn't load the forecast: {error}
        </p>
      )}
      {!data && !error && <p className="dashboard__loading">Loading forecast…</p>}

      {data && (
        <main className="dashboard__grid">
          <CurrentConditions report={data} />
          <ForecastStrip days={data.daily} />
        </main>
      )}
    </div>
  );
}
