import { Link, NavLink, Route, Routes } from 'react-router-dom';
import { HomePage } from './pages/HomePage';
import { PostPage } from './pages/PostPage';
import quill from './assets/quill.svg';

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
