import { Link } from 'react-router-dom';
import type { Post } from '../content/posts';
import { excerpt, formatDate } from '../lib/format';

interface PostCardProps {
  post: Post;
}

export function PostCard({ post }: PostCardProps) {
  return (
    <article className="post-card">
      <header>
        <h2 className="post-card__title">
          <Link to={`/posts/${post.slug}`}>{post.title}</Link>
        </h2>
        <time className="post-card__date" dateTime={post.date}>
          {formatDate(post.date)}
        </time>
      </header>
      <p className="post-card__excerpt">{excerpt(post.body)}</p>
      <Link to={`/posts/${post.slug}`} className="post-card__more" aria-label={`Read ${post.title}`}>
        Read more →
      </Link>
    </article>
  );
}
