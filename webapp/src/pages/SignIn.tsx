import { FormEvent, useState } from 'react';
import { Alert, Button, Card, Fieldset, Heading, Paragraph, Radio, Textfield } from '@digdir/designsystemet-react';
import { api, json, Session } from '../api';
import { useT } from '../i18n';
import { validOrgNo } from '../orgno';

export function SignIn({ session, onSignedIn }: { session: Session; onSignedIn: () => Promise<void> }) {
  const { t } = useT();
  const [orgNo, setOrgNo] = useState('');
  const [role, setRole] = useState<'party' | 'serviceowner'>('party');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const oidcError = new URLSearchParams(window.location.search).get('error');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!validOrgNo(orgNo.trim())) {
      setError(t('invalidOrgNo', { value: orgNo }));
      return;
    }
    setBusy(true);
    try {
      await api('/web/session/dev', { method: 'POST', body: json({ orgNo: orgNo.trim(), role }) });
      await onSignedIn();
    } catch (e) {
      setError(t('error', { detail: (e as Error).message }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="stack">
      <Heading level={1} data-size="lg">{t('signInTitle')}</Heading>
      <Paragraph>{t('signInIntro')}</Paragraph>
      {oidcError && <Alert data-color="danger">{t('error', { detail: oidcError })}</Alert>}
      {session.oidcSignIn && (
        <Card>
          <div className="row">
            <Button asChild><a href="/web/oidc/login?role=party">{t('oidcSignIn')} ({t('roleParty')})</a></Button>
            <Button asChild variant="secondary"><a href="/web/oidc/login?role=serviceowner">{t('oidcSignIn')} ({t('roleServiceOwner')})</a></Button>
          </div>
        </Card>
      )}
      {session.devSignIn && (
        <Card>
          <form className="stack" onSubmit={submit} noValidate>
            <Heading level={2} data-size="sm">{t('devSignIn')}</Heading>
            <Paragraph data-size="sm">{t('devSignInHelp')}</Paragraph>
            <Textfield label={t('orgNo')} description={t('orgNoHelp')} value={orgNo} inputMode="numeric"
                       autoComplete="off" name="orgNo" error={error ?? undefined}
                       onChange={(e) => { setOrgNo(e.target.value); setError(null); }} />
            <Fieldset>
              <Fieldset.Legend>{t('role')}</Fieldset.Legend>
              <Radio label={t('roleParty')} name="role" value="party" checked={role === 'party'} onChange={() => setRole('party')} />
              <Radio label={t('roleServiceOwner')} name="role" value="serviceowner" checked={role === 'serviceowner'}
                     onChange={() => setRole('serviceowner')} />
            </Fieldset>
            <div><Button type="submit" disabled={busy}>{t('signIn')}</Button></div>
          </form>
        </Card>
      )}
      {!session.devSignIn && !session.oidcSignIn && <Alert data-color="warning">{t('noSignIn')}</Alert>}
    </div>
  );
}
