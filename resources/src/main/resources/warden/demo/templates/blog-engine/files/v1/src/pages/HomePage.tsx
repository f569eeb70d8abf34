import { useEffect } from 'react';
import { PostCard } from '../components/PostCard';
import { getSortedPosts } from '../content/posts';

export function HomePage() {
  const posts = getSortedPosts();

  useEffect(() => {
    document.title = 'Field Notes';
  }, []);

  return (
    <section className="home">
      <header className="home__intro">
        <h1>Field Notes</h1>
        <p>Short write-ups of things I learned building small web apps.</p>
      </header>

      {posts.length === 0 ? (
        <p className="home__empty">No posts yet.</p>
      ) : (
        <div className="home__list">
          {posts.map((post) => (
            <PostCard key={post.slug} post={post} />
          ))}
        </div>
      )}
    </section>
  );
}
