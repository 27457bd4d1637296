import { FormEvent, useEffect, useState } from 'react';
import { Alert, Button, Card, Checkbox, Field, Fieldset, Heading, Label, Paragraph, Select, Spinner, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { api, ApiError, json } from '../api';
import { useT } from '../i18n';

type Channel = 'email' | 'sms';
type Address = { channel: Channel; address: string; resourceId: string | null };
type Settings = { language: 'nb' | 'en'; notifyWhenAllConfirmed: boolean; addresses: Address[] };

const SETTINGS = '/broker/api/v1/notifications/settings';
const MAX_ADDRESSES = 50;
// The broker's rule is stricter (notify/SettingsRules); this catches typing slips before the round trip.
const EMAIL = /^[^\s@<>,;"]+@[^\s@<>,;"]+\.[A-Za-z]{2,63}$/;
const PHONE = /^\+[1-9][0-9]{7,14}$/;

/**
 * The signed-in organisation's notification settings: where the broker mails it when a file waits for it (per service
 * or for all), in which language, and whether it is told when all recipients of its own transfers have confirmed.
 */
export function Notifications() {
  const { t } = useT();
  const [settings, setSettings] = useState<Settings | null>(null);
  const [resources, setResources] = useState<string[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);

  useEffect(() => {
    api<Settings>(SETTINGS).then(setSettings).catch((e) => setLoadError((e as Error).message));
    api<string[]>('/web/api/resources/receivable').then(setResources).catch(() => setResources([]));
  }, []);

  if (loadError) return <Alert data-color="danger">{t('error', { detail: loadError })}</Alert>;
  if (!settings) return <Spinner aria-label={t('loading')} />;

  const addresses = settings.addresses;
  const update = (i: number, a: Address) => {
    setSettings({ ...settings, addresses: addresses.map((x, j) => (i === j ? a : x)) });
    setErrors((e) => ({ ...e, [`addresses[${i}].address`]: '' }));
  };
  // Services named by a saved address stay choosable even when the rules no longer list them.
  const choosable = [...new Set([...resources, ...addresses.flatMap((a) => (a.resourceId ? [a.resourceId] : []))])];

  const validate = (): Record<string, string> => {
    const found: Record<string, string> = {};
    addresses.forEach((a, i) => {
      const value = a.address.trim();
      if (a.channel === 'email' && !EMAIL.test(value)) found[`addresses[${i}].address`] = t('invalidEmail');
      if (a.channel === 'sms' && !PHONE.test(value)) found[`addresses[${i}].address`] = t('invalidPhone');
    });
    return found;
  };

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setMessage(null);
    const found = validate();
    setErrors(found);
    if (Object.keys(found).length > 0) {
      setMessage({ ok: false, text: t('notificationsInvalid') });
      return;
    }
    try {
      const body = { ...settings, addresses: addresses.map((a) => ({ ...a, address: a.address.trim() })) };
      setSettings(await api<Settings>(SETTINGS, { method: 'PUT', body: json(body) }));
      setMessage({ ok: true, text: t('saved') });
    } catch (err) {
      const fields = err instanceof ApiError ? (err.body as { errors?: Record<string, string[]> })?.errors : undefined;
      // An address the broker refuses gets the page's own words (in the page's language); others its message.
      const said = (field: string, text: string[]) => (field.endsWith('.address')
        ? t(addresses[Number(field.replace(/\D+/g, ''))]?.channel === 'sms' ? 'invalidPhone' : 'invalidEmail') : text.join(' '));
      if (fields) setErrors(Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, said(k, v)])));
      setMessage({ ok: false, text: fields ? t('notificationsInvalid') : t('error', { detail: (err as Error).message }) });
    }
  };

  return (
    <form className="stack" onSubmit={save} noValidate>
      <Heading level={1} data-size="lg">{t('notificationsTitle')}</Heading>
      <Paragraph>{t('notificationsIntro')}</Paragraph>
      <Field>
        <Label htmlFor="notify-language">{t('mailLanguage')}</Label>
        <Select id="notify-language" value={settings.language}
                onChange={(e) => setSettings({ ...settings, language: e.target.value as Settings['language'] })}>
          <Select.Option value="nb">Norsk bokmål</Select.Option>
          <Select.Option value="en">English</Select.Option>
        </Select>
      </Field>
      <Checkbox label={t('notifyWhenAllConfirmed')} checked={settings.notifyWhenAllConfirmed}
                onChange={(e) => setSettings({ ...settings, notifyWhenAllConfirmed: e.target.checked })} />
      <Heading level={2} data-size="xs">{t('addresses')}</Heading>
      {addresses.length === 0 && <Paragraph data-testid="no-addresses">{t('noAddresses')}</Paragraph>}
      {addresses.map((a, i) => {
        const error = errors[`addresses[${i}].address`] || errors[`addresses[${i}].resourceId`] || errors[`addresses[${i}]`];
        return (
          <Card key={i} data-testid="notification-address">
            <Fieldset>
              <Fieldset.Legend>{t('addressNumber', { n: i + 1 })}</Fieldset.Legend>
              <div className="row">
                <Field>
                  <Label htmlFor={`notify-channel-${i}`}>{t('channel')}</Label>
                  <Select id={`notify-channel-${i}`} value={a.channel} onChange={(e) => update(i, { ...a, channel: e.target.value as Channel })}>
                    <Select.Option value="email">{t('channelEmail')}</Select.Option>
                    <Select.Option value="sms">{t('channelSms')}</Select.Option>
                  </Select>
                </Field>
                <Textfield label={a.channel === 'email' ? t('emailAddress') : t('phoneNumber')} value={a.address}
                           type={a.channel === 'email' ? 'email' : 'tel'} autoComplete="off" error={error || undefined}
                           onChange={(e) => update(i, { ...a, address: e.target.value })} />
                <Field>
                  <Label htmlFor={`notify-resource-${i}`}>{t('forService')}</Label>
                  <Select id={`notify-resource-${i}`} value={a.resourceId ?? ''}
                          onChange={(e) => update(i, { ...a, resourceId: e.target.value || null })}>
                    <Select.Option value="">{t('allResources')}</Select.Option>
                    {choosable.map((r) => <Select.Option key={r} value={r}>{r}</Select.Option>)}
                  </Select>
                </Field>
              </div>
              {a.channel === 'sms' && <Paragraph data-size="sm">{t('smsNotYet')}</Paragraph>}
              <div>
                <Button variant="tertiary" data-size="sm"
                        onClick={() => { setSettings({ ...settings, addresses: addresses.filter((_, j) => j !== i) }); setErrors({}); }}>
                  {t('removeAddress')}
                </Button>
              </div>
            </Fieldset>
          </Card>
        );
      })}
      {errors.addresses && <ValidationMessage>{errors.addresses}</ValidationMessage>}
      <div className="row">
        <Button variant="secondary" disabled={addresses.length >= MAX_ADDRESSES}
                onClick={() => setSettings({ ...settings, addresses: [...addresses, { channel: 'email', address: '', resourceId: null }] })}>
          {t('addAddress')}
        </Button>
        <Button type="submit">{t('save')}</Button>
      </div>
      {message && <Alert data-color={message.ok ? 'success' : 'danger'} aria-live="polite" data-testid="notifications-message">{message.text}</Alert>}
    </form>
  );
}
