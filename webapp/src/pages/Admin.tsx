import { FormEvent, useEffect, useState } from 'react';
import { Alert, Button, Card, Checkbox, Heading, Paragraph, Tabs, Textfield } from '@digdir/designsystemet-react';
import { api, json } from '../api';
import { useT } from '../i18n';
import { Rules } from './Rules';
import { Statistics } from './Statistics';
import { Subscriptions } from './Subscriptions';

type Owner = { name: string };
type ResourceSettings = { maxFileTransferSize?: number | null; fileTransferTimeToLive?: string | null;
  purgeFileTransferAfterAllRecipientsConfirmed?: boolean; purgeFileTransferGracePeriod?: string | null;
  requiredParty?: string | null };

/** The service owner's pages: registration, resources and their settings, rules, subscriptions, statistics. */
export function Admin({ org }: { org: string }) {
  const { t } = useT();
  const [owner, setOwner] = useState<Owner | null | undefined>(undefined);
  const [resources, setResources] = useState<string[]>([]);
  const [selected, setSelected] = useState('');
  const [tab, setTab] = useState('resources');

  const reload = async () => {
    setResources(await api<string[]>('/web/api/resources/owned'));
  };
  useEffect(() => {
    api<Owner>('/broker/api/v1/serviceowner').then(setOwner).catch(() => setOwner(null));
    void reload();
  }, []);

  if (owner === undefined) return null;
  if (owner === null) return <Register org={org} onDone={setOwner} />;
  return (
    <div className="stack">
      <Heading level={1} data-size="lg">{t('adminTitle')}</Heading>
      <Paragraph>{t('registered', { name: owner.name })}</Paragraph>
      <Tabs value={tab} onChange={setTab}>
        <Tabs.List>
          <Tabs.Tab value="resources">{t('tabResources')}</Tabs.Tab>
          <Tabs.Tab value="rules">{t('tabRules')}</Tabs.Tab>
          <Tabs.Tab value="subscriptions">{t('tabSubscriptions')}</Tabs.Tab>
          <Tabs.Tab value="statistics">{t('tabStatistics')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="resources">
          <ResourceEditor key={selected} id={selected} resources={resources} onSelect={setSelected}
                          onSaved={async (id) => { await reload(); setSelected(id); }} />
        </Tabs.Panel>
        <Tabs.Panel value="rules"><Rules resources={resources} /></Tabs.Panel>
        <Tabs.Panel value="subscriptions"><Subscriptions resources={resources} /></Tabs.Panel>
        <Tabs.Panel value="statistics"><Statistics /></Tabs.Panel>
      </Tabs>
    </div>
  );
}

function Register({ org, onDone }: { org: string; onDone: (o: Owner) => void }) {
  const { t } = useT();
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await api('/broker/api/v1/serviceowner', { method: 'POST', body: json({ name }) });
      onDone(await api<Owner>('/broker/api/v1/serviceowner'));
    } catch (err) {
      setError((err as Error).message);
    }
  };
  return (
    <form className="stack" onSubmit={submit}>
      <Heading level={1} data-size="lg">{t('registerOwner')}</Heading>
      <Paragraph>{t('signedInAs', { org })}</Paragraph>
      <Textfield label={t('ownerName')} value={name} onChange={(e) => setName(e.target.value)} error={error ?? undefined} />
      <div><Button type="submit">{t('register')}</Button></div>
    </form>
  );
}

function ResourceEditor({ id, resources, onSelect, onSaved }: { id: string; resources: string[];
  onSelect: (id: string) => void; onSaved: (id: string) => Promise<void> }) {
  const { t } = useT();
  const [resourceId, setResourceId] = useState(id);
  const [s, setS] = useState<ResourceSettings>({ purgeFileTransferAfterAllRecipientsConfirmed: true });
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  useEffect(() => {
    if (id) api<ResourceSettings>(`/broker/api/v1/resource/${encodeURIComponent(id)}`).then(setS).catch(() => undefined);
  }, [id]);

  const save = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await api(`/broker/api/v1/resource/${encodeURIComponent(resourceId.trim())}`, {
        method: 'PUT',
        body: json({
          maxFileTransferSize: s.maxFileTransferSize || null, fileTransferTimeToLive: s.fileTransferTimeToLive || null,
          purgeFileTransferAfterAllRecipientsConfirmed: s.purgeFileTransferAfterAllRecipientsConfirmed ?? true,
          purgeFileTransferGracePeriod: s.purgeFileTransferGracePeriod || null, requiredParty: s.requiredParty || null,
        }),
      });
      setMessage({ ok: true, text: t('saved') });
      await onSaved(resourceId.trim());
    } catch (err) {
      setMessage({ ok: false, text: t('error', { detail: (err as Error).message }) });
    }
  };

  return (
    <div className="stack">
      {resources.length > 0 && (
        <Card>
          <Heading level={2} data-size="xs">{t('yourResources')}</Heading>
          <ul data-testid="owned-resources">
            {resources.map((r) => <li key={r}><Button variant="tertiary" data-size="sm" onClick={() => onSelect(r)}>{t('edit')} {r}</Button></li>)}
          </ul>
        </Card>
      )}
      <form className="stack" onSubmit={save}>
        <Textfield label={t('resourceId')} value={resourceId} readOnly={!!id} onChange={(e) => setResourceId(e.target.value)} />
        <Textfield label={t('maxSize')} type="number" min={1} value={s.maxFileTransferSize ?? ''}
                   onChange={(e) => setS({ ...s, maxFileTransferSize: e.target.value ? Number(e.target.value) : null })} />
        <Textfield label={t('ttl')} value={s.fileTransferTimeToLive ?? ''} onChange={(e) => setS({ ...s, fileTransferTimeToLive: e.target.value })} />
        <Checkbox label={t('purgeAfterConfirm')} checked={s.purgeFileTransferAfterAllRecipientsConfirmed ?? true}
                  onChange={(e) => setS({ ...s, purgeFileTransferAfterAllRecipientsConfirmed: e.target.checked })} />
        <Textfield label={t('grace')} value={s.purgeFileTransferGracePeriod ?? ''} onChange={(e) => setS({ ...s, purgeFileTransferGracePeriod: e.target.value })} />
        <Textfield label={t('requiredParty')} value={s.requiredParty ?? ''} onChange={(e) => setS({ ...s, requiredParty: e.target.value })} />
        <div><Button type="submit">{t('save')}</Button></div>
        {message && <Alert data-color={message.ok ? 'success' : 'danger'} aria-live="polite">{message.text}</Alert>}
      </form>
    </div>
  );
}
