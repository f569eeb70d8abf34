import { useEffect } from 'react';
import { Link, useParams } from 'react-router-dom';
import { PostCard } from '../components/PostCard';
import { TagList } from '../components/TagList';
import { getAllTags, getPostsByTag, getSortedPosts } from '../content/posts';

export function HomePage() {
  const { tag } = useParams<{ tag?: string }>();
  const activeTag = tag ? decodeURIComponent(tag) : undefined;
  const posts = activeTag ? getPostsByTag(activeTag) : getSortedPosts();
  const allTags = getAllTags();

  useEffect(() => {
    document.title = activeTag ? `#${activeTag} · Field Notes` : 'Field Notes';
  }, [activeTag]);

  return (
    <section className="home">
      <header className="home__intro">
        <h1>{activeTag ? `Posts tagged #${activeTag}` : 'Field Notes'}</h1>
        <p>
          {activeTag ? (
            <>
              {posts.length} {posts.length === 1 ? 'post' : 'posts'}. <Link to="/">Show all</Link>
            </>
          ) : (
            'Short write-ups of things I learned building small web apps.'
          )}
        </p>
        <TagList tags={allTags} activeTag={activeTag} label="Browse by tag" />
      </header>

      {posts.length === 0 ? (
        <p className="home__empty">
          Nothing tagged #{activeTag} yet. <Link to="/">See all posts</Link>
        </p>
      ) : (
        <div className="home__list">
          {posts.map((post) => (
            <PostCard key={post.slug} post={post} activeTag={activeTag} />
          ))}
        </div>
      )}
    </section>
  );
}
