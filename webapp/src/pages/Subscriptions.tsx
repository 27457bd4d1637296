import { useEffect, useState } from 'react';
import { Alert, Paragraph, Table } from '@digdir/designsystemet-react';
import { api } from '../api';
import { useT } from '../i18n';

type Subscription = { id: number; endPoint: string; resourceFilter: string; delivery: { state: string; lastError: string | null } };

/** Webhook subscriptions the organisation made, with their delivery state. */
export function Subscriptions({ resources }: { resources: string[] }) {
  const { t } = useT();
  const [list, setList] = useState<Subscription[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api<{ count: number; subscriptions: Subscription[] }>('/events/api/v1/subscriptions')
      .then((l) => setList(l.subscriptions)).catch((e) => setError((e as Error).message));
  }, [resources]);
  if (error) return <Alert data-color="danger">{t('error', { detail: error })}</Alert>;
  if (!list) return null;
  if (list.length === 0) return <Paragraph>{t('empty')}</Paragraph>;
  return (
    <div className="table-wrap" tabIndex={0}>
      <Table>
        <Table.Head><Table.Row>
          <Table.HeaderCell>{t('endpoint')}</Table.HeaderCell><Table.HeaderCell>{t('resource')}</Table.HeaderCell>
          <Table.HeaderCell>{t('state')}</Table.HeaderCell><Table.HeaderCell>{t('lastError')}</Table.HeaderCell>
        </Table.Row></Table.Head>
        <Table.Body>
          {list.map((s) => (
            <Table.Row key={s.id}>
              <Table.Cell className="break">{s.endPoint}</Table.Cell><Table.Cell>{s.resourceFilter}</Table.Cell>
              <Table.Cell>{s.delivery.state}</Table.Cell><Table.Cell className="break">{s.delivery.lastError ?? '–'}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </div>
  );
}
