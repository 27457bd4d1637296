import { useCallback, useEffect, useMemo, useState } from 'react';
import { Button, Link, SkipLink, Spinner } from '@digdir/designsystemet-react';
import { api, Session, setCsrf } from './api';
import { initialLang, Lang, LangContext, translator } from './i18n';
import { linkTo, navigate, usePath } from './router';
import { SignIn } from './pages/SignIn';
import { Send } from './pages/Send';
import { TransferList } from './pages/TransferList';
import { Detail } from './pages/Detail';
import { Admin } from './pages/Admin';
import { Notifications } from './pages/Notifications';

export function App() {
  const [lang, setLang] = useState<Lang>(initialLang);
  const [session, setSession] = useState<Session | null>(null);
  const path = usePath();
  const t = useMemo(() => translator(lang), [lang]);
  const locale = lang === 'nb' ? 'nb-NO' : 'en-GB';

  const load = useCallback(async () => {
    const s = await api<Session>('/web/session');
    setCsrf(s.csrfToken);
    setSession(s);
  }, []);
  useEffect(() => { void load(); }, [load]);
  useEffect(() => {
    document.documentElement.lang = lang;
    localStorage.setItem('formidler-lang', lang);
  }, [lang]);

  useEffect(() => {
    if (!session) return;
    if (!session.signedIn && path !== '/signin') navigate('/signin');
    if (session.signedIn && (path === '/' || path === '/signin' || path === '/index.html')) {
      navigate(session.role === 'serviceowner' ? '/admin' : '/inbox');
    }
  }, [session, path]);

  useEffect(() => { document.title = `${pageTitle(path, t)} – Formidler`; }, [path, t]);

  const signOut = async () => {
    await api('/web/session/signout', { method: 'POST' });
    await load();
  };

  if (!session) return <main><Spinner aria-label={t('loading')} /></main>;
  const nav = session.role === 'serviceowner'
    ? [['/admin', t('navAdmin')]]
    : [['/inbox', t('navInbox')], ['/send', t('navSend')], ['/sent', t('navSent')], ['/notifications', t('navNotifications')]];

  return (
    <LangContext.Provider value={{ lang, t, locale }}>
      <SkipLink href="#main">{t('skip')}</SkipLink>
      <header className="app-header">
        <a className="app-brand" href="/" onClick={linkTo('/')}>{t('appName')}</a>
        {session.signedIn && (
          <nav className="app-nav" aria-label={t('nav')}>
            <ul>
              {nav.map(([to, label]) => (
                <li key={to}>
                  <Link href={to} onClick={linkTo(to)} aria-current={path.startsWith(to) ? 'page' : undefined}>{label}</Link>
                </li>
              ))}
            </ul>
          </nav>
        )}
        <div className="app-user">
          {session.signedIn && (
            <span data-testid="signed-in-as">
              {t('signedInAs', { org: session.org ?? '' })} ({session.role === 'serviceowner' ? t('roleServiceOwner') : t('roleParty')})
            </span>
          )}
          <Button variant="tertiary" data-size="sm" lang={lang === 'nb' ? 'en' : 'nb'} aria-label={t('languageLabel')}
                  onClick={() => setLang(lang === 'nb' ? 'en' : 'nb')}>{t('language')}</Button>
          {session.signedIn && <Button variant="secondary" data-size="sm" onClick={signOut}>{t('signOut')}</Button>}
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {page(path, session, load)}
      </main>
    </LangContext.Provider>
  );
}

function page(path: string, session: Session, reload: () => Promise<void>) {
  if (!session.signedIn) return <SignIn session={session} onSignedIn={reload} />;
  if (path === '/send') return <Send org={session.org!} />;
  if (path === '/inbox') return <TransferList kind="inbox" />;
  if (path === '/sent') return <TransferList kind="sent" />;
  if (path === '/notifications') return <Notifications />;
  if (path.startsWith('/transfer/')) return <Detail id={decodeURIComponent(path.substring('/transfer/'.length))} org={session.org!} />;
  if (path.startsWith('/admin')) return <Admin org={session.org!} />;
  return <Spinner aria-label="…" />;
}

function pageTitle(path: string, t: ReturnType<typeof translator>): string {
  if (path === '/send') return t('sendTitle');
  if (path === '/inbox') return t('inboxTitle');
  if (path === '/sent') return t('sentTitle');
  if (path === '/notifications') return t('notificationsTitle');
  if (path.startsWith('/transfer/')) return t('detailTitle');
  if (path.startsWith('/admin')) return t('adminTitle');
  return t('signInTitle');
}
