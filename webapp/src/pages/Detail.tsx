import { useEffect, useState } from 'react';
import { Alert, Button, Heading, Link, Paragraph, Spinner, Table, Textfield } from '@digdir/designsystemet-react';
import { api, ApiError, Details, json, transferPath } from '../api';
import { bytes, dateTime, visible } from '../format';
import { useT } from '../i18n';
import { linkTo } from '../router';

type RecipientView = { recipient: string; currentRecipientFileTransferStatusCode: string };

/** The statuses a sender may withdraw a transfer from (docs/withdraw-and-notifications.md). */
const WITHDRAWABLE = ['Initialized', 'UploadStarted', 'UploadProcessing', 'Published'];

/** One transfer with both status histories, scan records, checksums and expiry, as the API's details give them. */
export function Detail({ id, org }: { id: string; org: string }) {
  const { t, locale } = useT();
  const [details, setDetails] = useState<Details | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [withdrawing, setWithdrawing] = useState(false);
  const [reason, setReason] = useState('');
  const [withdrawError, setWithdrawError] = useState<string | null>(null);

  const load = () => api<Details>(`${transferPath(id)}/details`).then(setDetails)
    .catch((e: ApiError) => setError(e.status === 401 || e.status === 403 || e.status === 404 ? t('notFound') : e.message));
  useEffect(() => { void load(); }, [id]);

  if (error) return <Alert data-color="danger" data-testid="detail-error">{error}</Alert>;
  if (!details) return <Spinner aria-label={t('loading')} />;
  const recipients = (details.recipients as unknown as RecipientView[]) ?? [];
  const mine = recipients.find((r) => r.recipient.endsWith(org));
  const confirm = async () => {
    await api(`${transferPath(id)}/confirmdownload`, { method: 'POST' });
    await load();
  };
  const isSender = details.sender.endsWith(org);
  const withdraw = async () => {
    try {
      await api(`${transferPath(id)}/cancel`, { method: 'POST', body: json(reason.trim() ? { reason: reason.trim() } : {}) });
      setWithdrawing(false);
      setWithdrawError(null);
      await load();
    } catch (e) {
      setWithdrawError(t('withdrawFailed', { detail: (e as Error).message }));
    }
  };

  return (
    <div className="stack">
      <Link href="/inbox" onClick={linkTo(mine ? '/inbox' : '/sent')}>{t('back')}</Link>
      <Heading level={1} data-size="lg" className="break" data-testid="detail-name">{visible(details.fileName)}</Heading>
      <section className="stack" aria-labelledby="overview">
        <Heading level={2} data-size="sm" id="overview">{t('overview')}</Heading>
        <dl className="facts">
          <dt>{t('status')}</dt><dd data-testid="detail-status">{details.fileTransferStatus} – {details.fileTransferStatusText}</dd>
          <dt>{t('resource')}</dt><dd>{details.resourceId}</dd>
          <dt>{t('sender')}</dt><dd>{details.sender}</dd>
          <dt>{t('reference')}</dt><dd className="break" data-testid="detail-reference">{visible(details.sendersFileTransferReference)}</dd>
          <dt>{t('size')}</dt><dd>{bytes(details.fileTransferSize, locale)}</dd>
          <dt>{t('created')}</dt><dd>{dateTime(details.created, locale)}</dd>
          <dt>{t('expires')}</dt><dd>{dateTime(details.expirationTime, locale)}</dd>
          {Object.entries(details.propertyList ?? {}).map(([k, v]) => (
            <div key={k} className="contents"><dt className="break">{visible(k)}</dt><dd className="break" data-testid="detail-property">{visible(v)}</dd></div>
          ))}
        </dl>
        {mine && details.fileTransferStatus !== 'Purged' && (
          <div className="row">
            <Button asChild variant="secondary"><a href={`${transferPath(id)}/download`} download>{t('download')}</a></Button>
            {mine.currentRecipientFileTransferStatusCode !== 'DownloadConfirmed' && <Button onClick={confirm}>{t('confirm')}</Button>}
          </div>
        )}
        {isSender && WITHDRAWABLE.includes(details.fileTransferStatus) && (withdrawing ? (
          <div className="stack" role="group" aria-labelledby="withdraw-title" data-testid="withdraw-confirmation">
            <Heading level={3} data-size="xs" id="withdraw-title">{t('withdrawTitle')}</Heading>
            <Paragraph>{t('withdrawWarning')}</Paragraph>
            <Textfield label={t('withdrawReason')} value={reason} maxLength={500} data-testid="withdraw-reason"
              onChange={(e) => setReason(e.target.value)} />
            {withdrawError && <Alert data-color="danger">{withdrawError}</Alert>}
            <div className="row">
              <Button data-color="danger" onClick={withdraw} data-testid="withdraw-confirm">{t('withdrawConfirm')}</Button>
              <Button variant="secondary" onClick={() => setWithdrawing(false)}>{t('withdrawKeep')}</Button>
            </div>
          </div>
        ) : (
          <div className="row">
            <Button variant="secondary" data-color="danger" onClick={() => setWithdrawing(true)} data-testid="withdraw">{t('withdraw')}</Button>
          </div>
        ))}
      </section>
      <section className="stack" aria-labelledby="checksums">
        <Heading level={2} data-size="sm" id="checksums">{t('checksums')}</Heading>
        <dl className="facts">
          <dt>MD5</dt><dd className="mono">{details.checksum ?? '–'}</dd>
          <dt>SHA-256</dt><dd className="mono" data-testid="detail-sha256">{details.sha256 ?? '–'}</dd>
        </dl>
      </section>
      <section className="stack" aria-labelledby="timeline">
        <Heading level={2} data-size="sm" id="timeline">{t('timeline')}</Heading>
        <History rows={(details.fileTransferStatusHistory ?? []).map((h) => [
          String(h.fileTransferStatusChanged), '', `${h.fileTransferStatus} – ${h.fileTransferStatusText}`])} />
      </section>
      <section className="stack" aria-labelledby="recipient-timeline">
        <Heading level={2} data-size="sm" id="recipient-timeline">{t('recipientTimeline')}</Heading>
        <History testId="recipient-history" rows={(details.recipientFileTransferStatusHistory ?? []).map((h) => [
          String(h.recipientFileTransferStatusChanged), String(h.recipient),
          `${h.recipientFileTransferStatusCode} – ${h.recipientFileTransferStatusText}`])} />
      </section>
      <section className="stack" aria-labelledby="scans">
        <Heading level={2} data-size="sm" id="scans">{t('scans')}</Heading>
        {(details.malwareScans ?? []).length === 0 ? <Paragraph>{t('noScans')}</Paragraph> : (
          <div className="table-wrap" tabIndex={0}>
            <Table>
              <Table.Head><Table.Row>{['scanner', 'verdict', 'signature', 'engineVersion', 'scannedAt'].map((k) =>
                <Table.HeaderCell key={k}>{k}</Table.HeaderCell>)}</Table.Row></Table.Head>
              <Table.Body>
                {(details.malwareScans ?? []).map((s, i) => (
                  <Table.Row key={i}>{['scanner', 'verdict', 'signature', 'engineVersion', 'scannedAt'].map((k) =>
                    <Table.Cell key={k} className="break">{String(s[k] ?? '–')}</Table.Cell>)}</Table.Row>
                ))}
              </Table.Body>
            </Table>
          </div>
        )}
      </section>
    </div>
  );

  function History({ rows, testId }: { rows: string[][]; testId?: string }) {
    return (
      <div className="table-wrap" tabIndex={0}>
        <Table data-testid={testId}>
          <Table.Head><Table.Row>
            <Table.HeaderCell>{t('when')}</Table.HeaderCell><Table.HeaderCell>{t('who')}</Table.HeaderCell>
            <Table.HeaderCell>{t('what')}</Table.HeaderCell>
          </Table.Row></Table.Head>
          <Table.Body>
            {rows.map((r, i) => (
              <Table.Row key={i}><Table.Cell>{dateTime(r[0], locale)}</Table.Cell><Table.Cell>{r[1]}</Table.Cell>
                <Table.Cell className="break">{r[2]}</Table.Cell></Table.Row>
            ))}
          </Table.Body>
        </Table>
      </div>
    );
  }
}
