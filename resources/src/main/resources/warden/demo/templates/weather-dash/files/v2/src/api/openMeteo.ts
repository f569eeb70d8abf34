import type { CityResult, CurrentWeather, DailyForecast, Location, WeatherReport } from '../types';

const FORECAST_URL = 'https://api.open-meteo.com/v1/forecast';
const GEOCODING_URL = 'https://geocoding-api.open-meteo.com/v1/search';

interface ForecastResponse {
  timezone: string;
  current: {
    time: string;
    temperature_2m: number;
    apparent_temperature: number;
    relative_humidity_2m: number;
    wind_speed_10m: number;
    weather_code: number;
    is_day: 0 | 1;
  };
  daily: {
    time: string[];
    weather_code: number[];
    temperature_2m_max: number[];
    temperature_2m_min: number[];
    precipitation_probability_max: (number | null)[];
  };
}

interface GeocodingResponse {
  results?: {
    id: number;
    name: string;
    latitude: number;
    longitude: number;
    country?: string;
    admin1?: string;
    timezone?: string;
    population?: number;
  }[];
}

export class WeatherApiError extends Error {
  constructor(message: string, readonly status?: number) {
    super(message);
    this.name = 'WeatherApiError';
  }
}

function mapCurrent(raw: ForecastResponse['current']): CurrentWeather {
  return {
    time: raw.time,
    temperature: raw.temperature_2m,
    apparentTemperature: raw.apparent_temperature,
    humidity: raw.relative_humidity_2m,
    windSpeed: raw.wind_speed_10m,
    weatherCode: raw.weather_code,
    isDay: raw.is_day === 1,
  };
}

function mapDaily(raw: ForecastResponse['daily']): DailyForecast[] {
  return raw.time.map((date, i) => ({
    date,
    weatherCode: raw.weather_code[i],
    tempMax: raw.temperature_2m_max[i],
    tempMin: raw.temperature_2m_min[i],
    precipitationChance: raw.precipitation_probability_max[i] ?? null,
  }));
}

export async function fetchForecast(
  location: Location,
  signal?: AbortSignal,
): Promise<WeatherReport> {
  const params = new URLSearchParams({
    latitude: location.latitude.toFixed(4),
    longitude: location.longitude.toFixed(4),
    current:
      'temperature_2m,apparent_temperature,relative_humidity_2m,wind_speed_10m,weather_code,is_day',
    daily: 'weather_code,temperature_2m_max,temperature_2m_min,precipitation_probability_max',
    timezone: 'auto',
    forecast_days: '7',
  });

  const response = await fetch(`${FORECAST_URL}?${params.toString()}`, { signal });
  if (!response.ok) {
    throw new WeatherApiError(`Forecast request failed (${response.status})`, response.status);
  }

  const data = (await response.json()) as ForecastResponse;
  return {
    location,
    timezone: data.timezone,
    current: mapCurrent(data.current),
    daily: mapDaily(data.daily),
    fetchedAt: Date.now(),
  };
}

export async function searchCities(query: string, signal?: AbortSignal): Promise<CityResult[]> {
  const name = query.trim();
  // The geocoding API needs at least two characters to return anything useful.
  if (name.length < 2) return [];

  const params = new URLSearchParams({ name, count: '6', language: 'en', format: 'json' });
  const response = await fetch(`${GEOCODING_URL}?${params.toString()}`, { signal });
  if (!response.ok) {
    throw new WeatherApiError(`City search failed (${response.status})`, response.status);
  }

  const data = (await response.json()) as GeocodingResponse;
  return (data.results ?? []).map((result) => ({ ...result }));
}
