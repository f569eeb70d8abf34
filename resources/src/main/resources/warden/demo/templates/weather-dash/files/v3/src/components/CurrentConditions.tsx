import { useUnits } from '../context/UnitsContext';
import type { WeatherReport } from '../types';
import { describeWeather, formatTemperature, formatWind } from '../utils/format';

interface CurrentConditionsProps {
  report: WeatherReport;
}

export function CurrentConditions({ report }: CurrentConditionsProps) {
  const { units } = useUnits();
  const { current, location } = report;
  const { label, emoji } = describeWeather(current.weatherCode);
  const updatedAt = new Date(report.fetchedAt).toLocaleTimeString([], {
    hour: '2-digit',
    minute: '2-digit',
  });

  return (
    <section className="card current" aria-labelledby="current-title">
      <header className="current__header">
        <h2 id="current-title">
          {location.name}
          {location.country ? `, ${location.country}` : ''}
        </h2>
        <span className="current__updated">Updated {updatedAt}</span>
      </header>

      <div className="current__main">
        <span className="current__emoji" aria-hidden="true">
          {emoji}
        </span>
        <span className="current__temp">{formatTemperature(current.temperature, units)}</span>
        <span className="current__label">{label}</span>
      </div>

      <dl className="current__details">
        <div>
          <dt>Feels like</dt>
          <dd>{formatTemperature(current.apparentTemperature, units)}</dd>
        </div>
        <div>
          <dt>Humidity</dt>
          <dd>{current.humidity}%</dd>
        </div>
        <div>
          <dt>Wind</dt>
          <dd>{formatWind(current.windSpeed, units)}</dd>
        </div>
      </dl>
    </section>
  );
}
