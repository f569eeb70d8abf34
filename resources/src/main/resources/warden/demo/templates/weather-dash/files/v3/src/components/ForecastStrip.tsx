import { useUnits } from '../context/UnitsContext';
import type { DailyForecast } from '../types';
import { describeWeather, formatTemperature, formatWeekday } from '../utils/format';

interface ForecastStripProps {
  days: DailyForecast[];
}

export function ForecastStrip({ days }: ForecastStripProps) {
  const { units } = useUnits();
  if (days.length === 0) return null;

  // One shared scale so the range bars are comparable across the week.
  const weekMin = Math.min(...days.map((day) => day.tempMin));
  const weekMax = Math.max(...days.map((day) => day.tempMax));
  const span = Math.max(weekMax - weekMin, 1);

  return (
    <section className="card forecast" aria-labelledby="forecast-title">
      <h2 id="forecast-title">7-day forecast</h2>
      <ol className="forecast__list">
        {days.map((day, index) => {
          const { label, emoji } = describeWeather(day.weatherCode);
          const left = ((day.tempMin - weekMin) / span) * 100;
          const width = ((day.tempMax - day.tempMin) / span) * 100;

          return (
            <li key={day.date} className="forecast__day">
              <span className="forecast__weekday">{formatWeekday(day.date, index)}</span>
              <span className="forecast__emoji" title={label} aria-label={label}>
                {emoji}
              </span>
              <span className="forecast__rain">
                {day.precipitationChance != null && day.precipitationChance >= 20
                  ? `${day.precipitationChance}%`
                  : ''}
              </span>
              <span className="forecast__min">{formatTemperature(day.tempMin, units)}</span>
              <span className="forecast__bar" aria-hidden="true">
                <span style={{ left: `${left}%`, width: `${width}%` }} />
              </span>
              <span className="forecast__max">{formatTemperature(day.tempMax, units)}</span>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
