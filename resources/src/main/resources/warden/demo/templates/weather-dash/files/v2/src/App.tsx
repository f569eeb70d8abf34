import { useEffect, useState } from 'react';
import { CitySearch } from './components/CitySearch';
import { CurrentConditions } from './components/CurrentConditions';
import { ForecastStrip } from './components/ForecastStrip';
import { useWeather } from './hooks/useWeather';
import type { CityResult, Location } from './types';
import sunIcon from './assets/sun.svg';

const FALLBACK_LOCATION: Location = {
  name: 'Berlin',
  country: 'Germany',
  latitude: 52.52,
  longitude: 13.405,
};

const LAST_CITY_KEY = 'weather-dash:last-city';

function loadLastCity(): Location | null {
  try {
    const raw = localStorage.getItem(LAST_CITY_KEY);
    return raw ? (JSON.parse(raw) as Location) : null;
  } catch {
    return null;
  }
}

export default function App() {
  const [location, setLocation] = useState<Location | null>(loadLastCity);
  const [notice, setNotice] = useState<string | null>(null);

  useEffect(() => {
    // A city the user picked explicitly wins over geolocation.
    if (location) return;
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
    // Only on first mount; later changes come from the search box.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const handleSelectCity = (city: CityResult) => {
    const next: Location = {
      name: city.name,
      country: city.country,
      latitude: city.latitude,
      longitude: city.longitude,
    };
    setNotice(null);
    setLocation(next);
    localStorage.setItem(LAST_CITY_KEY, JSON.stringify(next));
  };

  const { data, loading, error, refresh } = useWeather(location);

  return (
    <div className="dashboard">
      <header className="dashboard__header">
        <img src={sunIcon} alt="" width={28} height={28} />
        <h1>Weather</h1>
        <CitySearch onSelect={handleSelectCity} />
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
