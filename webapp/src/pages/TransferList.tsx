import { useEffect, useMemo, useRef, useState } from 'react';
import { Alert, Button, Field, Heading, Label, Paragraph, Select, Table, Tag, Textfield } from '@digdir/designsystemet-react';
import { api, Row, transferPath } from '../api';
import { bytes, dateTime, visible } from '../format';
import { useT } from '../i18n';
import { linkTo } from '../router';

const SOON_MS = 3 * 24 * 3600 * 1000;

/** The inbox (transfers to my organisation) or the sent list; kept current by server-sent events, never by a reload. */
export function TransferList({ kind }: { kind: 'inbox' | 'sent' }) {
  const { t, locale } = useT();
  const [rows, setRows] = useState<Row[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [resource, setResource] = useState('');
  const [status, setStatus] = useState('');
  const [from, setFrom] = useState('');
  const [arrived, setArrived] = useState(0);
  const known = useRef<Set<string> | null>(null);

  useEffect(() => {
    let stopped = false;
    known.current = null;
    const load = async () => {
      try {
        const list = await api<Row[]>(`/web/api/${kind}`);
        if (stopped) return;
        if (known.current) {
          const fresh = list.filter((r) => !known.current!.has(r.id)).length;
          if (fresh > 0) setArrived((n) => n + fresh);
        }
        known.current = new Set(list.map((r) => r.id));
        setRows(list);
        setError(null);
      } catch (e) {
        if (!stopped) setError((e as Error).message);
      }
    };
    void load();
    // Server-sent events from the broker: one "changed" per new event of my organisation; the list is read again then.
    const changes = new EventSource('/web/api/changes');
    changes.addEventListener('changed', () => void load());
    changes.addEventListener('open', () => void load());
    return () => { stopped = true; changes.close(); };
  }, [kind]);

  const confirm = async (id: string) => {
    try {
      await api(`${transferPath(id)}/confirmdownload`, { method: 'POST' });
      setRows((list) => list?.map((r) => (r.id === id ? { ...r, myStatus: 'DownloadConfirmed' } : r)) ?? null);
    } catch (e) {
      setError((e as Error).message);
    }
  };

  const resources = useMemo(() => [...new Set((rows ?? []).map((r) => r.resourceId))].sort(), [rows]);
  const statuses = useMemo(() => [...new Set((rows ?? []).map((r) => r.status))].sort(), [rows]);
  const shown = (rows ?? []).filter((r) => (!resource || r.resourceId === resource) && (!status || r.status === status)
    && (!from || new Date(r.created) >= new Date(from)));

  return (
    <div className="stack">
      <Heading level={1} data-size="lg">{kind === 'inbox' ? t('inboxTitle') : t('sentTitle')}</Heading>
      <Paragraph data-size="sm">{t('liveUpdates')}</Paragraph>
      <div aria-live="polite" data-testid="arrivals">
        {arrived > 0 && <Alert data-color="info">{t('newArrived', { n: arrived })}</Alert>}
      </div>
      {error && <Alert data-color="danger">{t('error', { detail: error })}</Alert>}
      <div className="row">
        <Field>
          <Label htmlFor="filter-resource">{t('filterResource')}</Label>
          <Select id="filter-resource" value={resource} onChange={(e) => setResource(e.target.value)}>
            <Select.Option value="">{t('allResources')}</Select.Option>
            {resources.map((r) => <Select.Option key={r} value={r}>{r}</Select.Option>)}
          </Select>
        </Field>
        <Field>
          <Label htmlFor="filter-status">{t('filterStatus')}</Label>
          <Select id="filter-status" value={status} onChange={(e) => setStatus(e.target.value)}>
            <Select.Option value="">{t('allStatuses')}</Select.Option>
            {statuses.map((s) => <Select.Option key={s} value={s}>{s}</Select.Option>)}
          </Select>
        </Field>
        <Textfield label={t('filterFrom')} type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
      </div>
      {rows !== null && shown.length === 0 && <Paragraph>{t('empty')}</Paragraph>}
      {shown.length > 0 && (
        <div className="table-wrap" tabIndex={0}>
          <Table data-testid={`${kind}-table`} className="cards">
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('fileName')}</Table.HeaderCell>
                <Table.HeaderCell>{kind === 'inbox' ? t('from') : t('resource')}</Table.HeaderCell>
                <Table.HeaderCell>{t('status')}</Table.HeaderCell>
                <Table.HeaderCell>{kind === 'inbox' ? t('received') : t('created')}</Table.HeaderCell>
                <Table.HeaderCell>{t('size')}</Table.HeaderCell>
                <Table.HeaderCell>{t('actions')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {shown.map((r) => (
                <Table.Row key={r.id} data-transfer-id={r.id}>
                  <Table.Cell className="break" data-label={t('fileName')}>
                    <a href={`/transfer/${r.id}`} onClick={linkTo(`/transfer/${r.id}`)}>{visible(r.fileName)}</a>
                    <div className="break" data-size="sm">{visible(r.sendersReference)}</div>
                  </Table.Cell>
                  <Table.Cell data-label={kind === 'inbox' ? t('from') : t('resource')}>{kind === 'inbox' ? r.senderOrg : r.resourceId}</Table.Cell>
                  <Table.Cell data-label={t('status')}>
                    <Badges row={r} kind={kind} />
                  </Table.Cell>
                  <Table.Cell data-label={kind === 'inbox' ? t('received') : t('created')}>{dateTime(r.created, locale)}</Table.Cell>
                  <Table.Cell data-label={t('size')}>{bytes(r.fileSize, locale)}</Table.Cell>
                  <Table.Cell data-label={t('actions')}>
                    {kind === 'inbox' && r.status !== 'Purged' && (
                      <div className="row">
                        <Button asChild variant="secondary" data-size="sm">
                          <a href={`${transferPath(r.id)}/download`} download aria-label={`${t('download')} ${visible(r.fileName)}`}
                             onClick={() => setRows((list) => list?.map((x) => (x.id === r.id && x.myStatus === 'Initialized' ? { ...x, myStatus: 'DownloadStarted' } : x)) ?? null)}>
                            {t('download')}
                          </a>
                        </Button>
                        {r.myStatus !== 'DownloadConfirmed' && (
                          <Button data-size="sm" onClick={() => confirm(r.id)} aria-label={`${t('confirm')} ${visible(r.fileName)}`}>{t('confirm')}</Button>
                        )}
                      </div>
                    )}
                    {kind === 'sent' && <span>{t('confirmations', { confirmed: r.confirmed, recipients: r.recipients })}</span>}
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
    </div>
  );
}

function Badges({ row, kind }: { row: Row; kind: 'inbox' | 'sent' }) {
  const { t } = useT();
  const soon = new Date(row.expirationTime).getTime() - Date.now() < SOON_MS && row.status !== 'Purged';
  return (
    <div className="row">
      <Tag data-color="neutral">{row.status}</Tag>
      {kind === 'inbox' && row.myStatus === 'Initialized' && <Tag data-color="info">{t('newBadge')}</Tag>}
      {kind === 'inbox' && row.myStatus === 'DownloadStarted' && <Tag data-color="warning">{t('downloadedBadge')}</Tag>}
      {kind === 'inbox' && row.myStatus === 'DownloadConfirmed' && <Tag data-color="success">{t('confirmed')}</Tag>}
      {soon && <Tag data-color="danger">{t('expiresSoon')}</Tag>}
    </div>
  );
}
