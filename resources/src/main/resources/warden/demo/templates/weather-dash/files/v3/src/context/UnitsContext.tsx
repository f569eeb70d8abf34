import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';

export type Units = 'metric' | 'imperial';

const STORAGE_KEY = 'weather-dash:units';
// Regions that use Fahrenheit day to day.
const IMPERIAL_REGIONS = new Set(['US', 'LR', 'MM', 'BS', 'BZ', 'KY', 'PW']);

function detectUnits(): Units {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (saved === 'metric' || saved === 'imperial') return saved;
  } catch {
    // Storage can be unavailable (private mode); fall through to the locale.
  }
  const region = new Intl.Locale(navigator.language).maximize().region ?? '';
  return IMPERIAL_REGIONS.has(region) ? 'imperial' : 'metric';
}

interface UnitsContextValue {
  units: Units;
  setUnits: (units: Units) => void;
  toggleUnits: () => void;
}

const UnitsContext = createContext<UnitsContextValue | null>(null);

export function UnitsProvider({ children }: { children: ReactNode }) {
  const [units, setUnits] = useState<Units>(detectUnits);

  useEffect(() => {
    try {
      localStorage.setItem(STORAGE_KEY, units);
    } catch {
      // Not fatal: the choice just won't survive a reload.
    }
  }, [units]);

  const value = useMemo<UnitsContextValue>(
    () => ({
      units,
      setUnits,
      toggleUnits: () => setUnits((current) => (current === 'metric' ? 'imperial' : 'metric')),
    }),
    [units],
  );

  return <UnitsContext.Provider value={value}>{children}</UnitsContext.Provider>;
}

export function useUnits(): UnitsContextValue {
  const value = useContext(UnitsContext);
  if (!value) throw new Error('useUnits() must be called inside <UnitsProvider>.');
  return value;
}
