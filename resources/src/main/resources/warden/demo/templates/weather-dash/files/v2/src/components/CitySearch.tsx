import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import { searchCities } from '../api/openMeteo';
import type { CityResult } from '../types';

interface CitySearchProps {
  onSelect: (city: CityResult) => void;
}

const DEBOUNCE_MS = 300;

export function CitySearch({ onSelect }: CitySearchProps) {
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<CityResult[]>([]);
  const [activeIndex, setActiveIndex] = useState(-1);
  const [open, setOpen] = useState(false);
  const listId = useId();

  useEffect(() => {
    if (query.trim().length < 2) {
      setResults([]);
      return;
    }
    const controller = new AbortController();
    const timer = window.setTimeout(() => {
      searchCities(query, controller.signal)
        .then((found) => {
          setResults(found);
          setActiveIndex(found.length > 0 ? 0 : -1);
          setOpen(true);
        })
        .catch((error: unknown) => {
          if (!controller.signal.aborted) console.warn('City search failed', error);
        });
    }, DEBOUNCE_MS);

    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [query]);

  const choose = (city: CityResult) => {
    onSelect(city);
    setQuery('');
    setResults([]);
    setOpen(false);
  };

  const handleKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (!open || results.length === 0) return;
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setActiveIndex((index) => (index + 1) % results.length);
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActiveIndex((index) => (index - 1 + results.length) % results.length);
    } else if (event.key === 'Enter' && activeIndex >= 0) {
      event.preventDefault();
      choose(results[activeIndex]);
    } else if (event.key === 'Escape') {
      setOpen(false);
    }
  };

  return (
    <div className="city-search">
      <input
        type="search"
        className="city-search__input"
        placeholder="Search for a city…"
        value={query}
        role="combobox"
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        onChange={(event) => setQuery(event.target.value)}
        onKeyDown={handleKeyDown}
        onBlur={() => window.setTimeout(() => setOpen(false), 120)}
        onFocus={() => results.length > 0 && setOpen(true)}
      />
      {open && results.length > 0 && (
        <ul id={listId} className="city-search__results" role="listbox">
          {results.map((city, index) => (
            <li
              key={city.id}
              role="option"
              aria-selected={index === activeIndex}
              className={index === activeIndex ? 'is-active' : undefined}
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => choose(city)}
            >
              <strong>{city.name}</strong>
              <span>{[city.admin1, city.country].filter(Boolean).join(', ')}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
