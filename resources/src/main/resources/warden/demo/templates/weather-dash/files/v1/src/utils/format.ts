export interface WeatherDescription {
  label: string;
  emoji: string;
}

// WMO weather interpretation codes, as documented by Open-Meteo.
const WMO_CODES: Record<number, WeatherDescription> = {
  0: { label: 'Clear sky', emoji: '☀️' },
  1: { label: 'Mainly clear', emoji: '🌤️' },
  2: { label: 'Partly cloudy', emoji: '⛅' },
  3: { label: 'Overcast', emoji: '☁️' },
  45: { label: 'Fog', emoji: '🌫️' },
  48: { label: 'Freezing fog', emoji: '🌫️' },
  51: { label: 'Light drizzle', emoji: '🌦️' },
  53: { label: 'Drizzle', emoji: '🌦️' },
  55: { label: 'Heavy drizzle', emoji: '🌧️' },
  61: { label: 'Light rain', emoji: '🌦️' },
  63: { label: 'Rain', emoji: '🌧️' },
  65: { label: 'Heavy rain', emoji: '🌧️' },
  71: { label: 'Light snow', emoji: '🌨️' },
  73: { label: 'Snow', emoji: '🌨️' },
  75: { label: 'Heavy snow', emoji: '❄️' },
  80: { label: 'Rain showers', emoji: '🌦️' },
  81: { label: 'Heavy showers', emoji: '🌧️' },
  82: { label: 'Violent showers', emoji: '⛈️' },
  95: { label: 'Thunderstorm', emoji: '⛈️' },
  96: { label: 'Thunderstorm with hail', emoji: '⛈️' },
  99: { label: 'Severe thunderstorm with hail', emoji: '⛈️' },
};

export function describeWeather(code: number): WeatherDescription {
  return WMO_CODES[code] ?? { label: 'Unknown', emoji: '🌡️' };
}

export function formatTemperature(celsius: number): string {
  return `${Math.round(celsius)}°C`;
}

export function formatWind(kmh: number): string {
  return `${Math.round(kmh)} km/h`;
}

export function formatWeekday(isoDate: string, index: number): string {
  if (index === 0) return 'Today';
  return new Date(isoDate).toLocaleDateString(undefined, { weekday: 'short' });
}
