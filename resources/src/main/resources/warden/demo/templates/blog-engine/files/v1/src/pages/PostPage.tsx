import { useEffect, useMemo } from 'react';
import { Link, useParams } from 'react-router-dom';
import { getPost } from '../content/posts';
import { formatDate } from '../lib/format';
import { renderMarkdown } from '../lib/markdown';

export function PostPage() {
  const { slug = '' } = useParams<{ slug: string }>();
  const post = getPost(slug);
  const html = useMemo(() => (post ? renderMarkdown(post.body) : ''), [post]);

  useEffect(() => {
    document.title = post ? `${post.title} · Field Notes` : 'Post not found · Field Notes';
  }, [post]);

  if (!post) {
    return (
      <section className="not-found">
        <h1>Post not found</h1>
        <p>
          There's no post at <code>/posts/{slug}</code>. <Link to="/">See all posts</Link>
        </p>
      </section>
    );
  }

  return (
    <article className="post">
      <header className="post__header">
        <Link to="/" className="post__back">
          ← All posts
        </Link>
        <h1>{post.title}</h1>
        <time dateTime={post.date}>{formatDate(post.date)}</time>
      </header>
      {/* renderMarkdown sanitizes with DOMPurify before we inject it. */}
      <div className="post__body prose" dangerouslySetInnerHTML={{ __html: html }} />
    </article>
  );
}
