export interface Coordinates {
  latitude: number;
  longitude: number;
}

export interface Location extends Coordinates {
  name: string;
  country?: string;
}

export interface CurrentWeather {
  time: string;
  /** Degrees Celsius, as returned by Open-Meteo. */
  temperature: number;
  apparentTemperature: number;
  /** Relative humidity in percent. */
  humidity: number;
  /** km/h at 10 m above ground. */
  windSpeed: number;
  weatherCode: number;
  isDay: boolean;
}

export interface DailyForecast {
  /** YYYY-MM-DD in the location's own timezone. */
  date: string;
  weatherCode: number;
  tempMax: number;
  tempMin: number;
  precipitationChance: number | null;
}

export interface WeatherReport {
  location: Location;
  timezone: string;
  current: CurrentWeather;
  daily: DailyForecast[];
  fetchedAt: number;
}

/** A place returned by the Open-Meteo geocoding API. */
export interface CityResult extends Location {
  id: number;
  /** State / region, e.g. "Bavaria" or "California". */
  admin1?: string;
  timezone?: string;
  population?: number;
}
