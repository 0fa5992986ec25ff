import type { ComponentChildren } from 'preact';

/** The page's frame: a skip link, the header with who is signed in, and the main landmark. */
export function Frame({ title, who, onSignOut, children }: { title: string; who?: string; onSignOut?: () => void; children: ComponentChildren }) {
  return (
    <>
      <a class="skip-link" href="#main">
        Skip to content
      </a>
      <header class="top">
        <p class="brand">Carestock</p>
        <h1>{title}</h1>
        {who && onSignOut ? (
          <div class="who">
            <span>Signed in as {who}</span>
            <button type="button" class="link-button" onClick={onSignOut}>
              Sign out
            </button>
          </div>
        ) : null}
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
