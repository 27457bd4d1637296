import { FormEvent, useState } from 'react';
import { Alert, Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useT } from '../i18n';
import { csrfHeaders } from '../api';

/** The monthly statistics of the owner's resources: a bar chart of transfers per resource, and the CSV itself. */
export function Statistics() {
  const { t } = useT();
  const now = new Date();
  const [year, setYear] = useState(String(now.getFullYear()));
  const [month, setMonth] = useState(String(now.getMonth() + 1));
  const [bars, setBars] = useState<[string, number][] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const url = `/broker/api/v1/statistics/monthly?year=${encodeURIComponent(year)}&month=${encodeURIComponent(month)}`;

  const show = async (e: FormEvent) => {
    e.preventDefault();
    const response = await fetch(url, { headers: { Accept: 'text/csv', ...csrfHeaders() } });
    if (!response.ok) {
      setError(String(response.status));
      return;
    }
    setError(null);
    const lines = (await response.text()).trim().split('\n').slice(1).filter(Boolean);
    const totals = new Map<string, number>();
    for (const line of lines) {
      const cells = line.split(',');
      totals.set(cells[2], (totals.get(cells[2]) ?? 0) + Number(cells[7] || 0));
    }
    setBars([...totals.entries()].sort());
  };
  const max = Math.max(1, ...(bars ?? []).map(([, n]) => n));
  return (
    <div className="stack">
      <form className="row" onSubmit={show}>
        <Textfield label={t('year')} type="number" value={year} onChange={(e) => setYear(e.target.value)} />
        <Textfield label={t('month')} type="number" min={1} max={12} value={month} onChange={(e) => setMonth(e.target.value)} />
        <Button type="submit">{t('show')}</Button>
        <Button asChild variant="secondary"><a href={url} download>{t('downloadCsv')}</a></Button>
      </form>
      {error && <Alert data-color="danger">{t('error', { detail: error })}</Alert>}
      {bars && (
        <figure className="chart" aria-labelledby="chart-title">
          <Heading level={2} data-size="xs" id="chart-title">{t('chartTitle')}</Heading>
          {bars.length === 0 && <Paragraph>{t('empty')}</Paragraph>}
          {bars.map(([resource, n]) => (
            <div key={resource}>
              <Paragraph data-size="sm">{resource}: {n}</Paragraph>
              <meter className="bar-meter" min={0} max={max} value={n} aria-label={`${resource}: ${n}`} />
            </div>
          ))}
        </figure>
      )}
    </div>
  );
}
