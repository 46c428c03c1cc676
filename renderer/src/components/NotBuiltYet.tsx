import type { ReactNode } from 'react';

type NotBuiltYetProps = {
  title: string;
  /** What the page will do, in the users' terms. */
  children: ReactNode;
};

/** An honest placeholder: says what the page is for and that it does not exist yet. */
export function NotBuiltYet({ title, children }: NotBuiltYetProps) {
  return (
    <section className="page" aria-labelledby="page-title">
      <header className="page-header">
        <h1 id="page-title">{title}</h1>
      </header>
      <div className="card not-built-yet">
        <div className="not-built-yet-body">{children}</div>
        <p className="muted">This page is not built yet.</p>
      </div>
    </section>
  );
}
