import { Link } from 'react-router-dom';

interface TagListProps {
  tags: { tag: string; count?: number }[];
  activeTag?: string;
  label?: string;
}

export function TagList({ tags, activeTag, label = 'Tags' }: TagListProps) {
  if (tags.length === 0) return null;

  return (
    <ul className="tag-list" aria-label={label}>
      {tags.map(({ tag, count }) => {
        const isActive = tag === activeTag;
        return (
          <li key={tag}>
            <Link
              to={isActive ? '/' : `/tags/${encodeURIComponent(tag)}`}
              className={`tag${isActive ? ' tag--active' : ''}`}
              aria-current={isActive ? 'page' : undefined}
              title={isActive ? 'Show all posts' : `Posts tagged ${tag}`}
            >
              #{tag}
              {count !== undefined && <span className="tag__count">{count}</span>}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
