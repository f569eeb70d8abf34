import { useCallback, useEffect, useState } from 'react';

type SetValue<T> = (value: T | ((previous: T) => T)) => void;

function readStoredValue<T>(key: string, fallback: T): T {
  if (typeof window === 'undefined') return fallback;
  try {
    const raw = window.localStorage.getItem(key);
    return raw === null ? fallback : (JSON.parse(raw) as T);
  } catch (error) {
    // Corrupt JSON or storage disabled (Safari private mode): keep the app usable.
    console.warn(`useLocalStorage: could not read "${key}", using the default value.`, error);
    return fallback;
  }
}

export function useLocalStorage<T>(key: string, initialValue: T): [T, SetValue<T>] {
  const [storedValue, setStoredValue] = useState<T>(() =>
    readStoredValue(key, initialValue),
  );

  // Persist after every change instead of inside the setter, so functional
  // updates always serialize the value React actually committed.
  useEffect(() => {
    try {
      window.localStorage.setItem(key, JSON.stringify(storedValue));
    } catch (error) {
      console.warn(`useLocalStorage: could not write "${key}".`, error);
    }
  }, [key, storedValue]);

  // Keep several open tabs in sync.
  useEffect(() => {
    const handleStorage = (event: StorageEvent) => {
      if (event.storageArea !== window.localStorage || event.key !== key) return;
      try {
        setStoredValue(event.newValue === null ? initialValue : (JSON.parse(event.newValue) as T));
      } catch {
        // Another tab wrote something we cannot parse; ignore it.
      }
    };
    window.addEventListener('storage', handleStorage);
    return () => window.removeEventListener('storage', handleStorage);
    // initialValue is intentionally left out: callers usually pass a fresh literal.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  const setValue: SetValue<T> = useCallback((value) => {
    setStoredValue((previous) =>
      value instanceof Function ? value(previous) : value,
    );
  }, []);

  return [storedValue, setValue];
}
