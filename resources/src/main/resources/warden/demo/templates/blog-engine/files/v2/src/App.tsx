import { useEffect } from 'react';
import { Link, NavLink, Route, Routes, useLocation } from 'react-router-dom';
import { HomePage } from './pages/HomePage';
import { PostPage } from './pages/PostPage';
import quill from './assets/quill.svg';

// React Router keeps the scroll position between routes, so opening a post from
// the bottom of the list used to land you halfway down the article.
function ScrollToTop() {
  const { pathname } = useLocation();
  useEffect(() => {
    window.scrollTo({ top: 0 });
  }, [pathname]);
  return null;
}

function NotFound() {
  return (
    <section className="not-found">
      <h1>Page not found</h1>
      <p>
        That page doesn't exist. <Link to="/">Back to all posts</Link>
      </p>
    </section>
  );
}

export default function App() {
  return (
    <div className="site">
      <ScrollToTop />
      <header className="site-header">
        <Link to="/" className="site-brand">
          <img src={quill} alt="" width={28} height={28} />
          <span>Field Notes</span>
        </Link>
        <nav className="site-nav" aria-label="Main">
          <NavLink to="/" end>
            Posts
          </NavLink>
          <a href="/rss.xml">RSS</a>
        </nav>
      </header>

      <main className="site-main">
        <Routes>
          <Route path="/" element={<HomePage />} />
          <Route path="/tags/:tag" element={<HomePage />} />
          <Route path="/posts/:slug" element={<PostPage />} />
          <Route path="*" element={<NotFound />} />
        </Routes>
      </main>

      <footer className="site-footer">
        <p>Written in Markdown, rendered with React. © {new Date().getFullYear()}</p>
      </footer>
    </div>
  );
}
