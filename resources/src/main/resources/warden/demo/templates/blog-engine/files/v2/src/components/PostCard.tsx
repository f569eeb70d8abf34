import { Link } from 'react-router-dom';
import { TagList } from './TagList';
import type { Post } from '../content/posts';
import { excerpt, formatDate, readingTime } from '../lib/format';

interface PostCardProps {
  post: Post;
  activeTag?: string;
}

export function PostCard({ post, activeTag }: PostCardProps) {
  const minutes = readingTime(post.body);

  return (
    <article className="post-card">
      <header>
        <h2 className="post-card__title">
          <Link to={`/posts/${post.slug}`}>{post.title}</Link>
        </h2>
        <p className="post-card__meta">
          <time dateTime={post.date}>{formatDate(post.date)}</time>
          <span aria-hidden="true"> · </span>
          <span>{minutes} min read</span>
        </p>
      </header>
      <p className="post-card__excerpt">{excerpt(post.body)}</p>
      <footer className="post-card__footer">
        <TagList tags={post.tags.map((tag) => ({ tag }))} activeTag={activeTag} />
        <Link to={`/posts/${post.slug}`} className="post-card__more" aria-label={`Read ${post.title}`}>
          Read more →
        </Link>
      </footer>
    </article>
  );
}
