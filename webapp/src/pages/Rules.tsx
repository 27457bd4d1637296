import { FormEvent, useEffect, useState } from 'react';
import { Alert, Button, Card, Checkbox, Field, Fieldset, Heading, Label, Paragraph, Select, Switch, Textfield } from '@digdir/designsystemet-react';
import { api, json } from '../api';
import { useT } from '../i18n';

type Rule = { subjects: string; actions: string[] };
const ACTIONS = ['write', 'read', 'subscribe'] as const;

/** The access rules editor and the access list of one resource. */
export function Rules({ resources }: { resources: string[] }) {
  const { t } = useT();
  const [resource, setResource] = useState(resources[0] ?? '');
  const [rules, setRules] = useState<Rule[]>([]);
  const [listEnabled, setListEnabled] = useState(false);
  const [members, setMembers] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const base = `/broker/api/v1/resource/${encodeURIComponent(resource)}`;

  useEffect(() => { if (!resource && resources.length > 0) setResource(resources[0]); }, [resources]);
  useEffect(() => {
    if (!resource) return;
    setMessage(null);
    api<{ rules: { subjects: string[]; actions: string[] }[] }>(`${base}/policy`)
      .then((p) => setRules(p.rules.map((r) => ({ subjects: r.subjects.map(plain).join(', '), actions: r.actions }))))
      .catch(() => setRules([]));
    api<{ enabled: boolean; members: string[] }>(`${base}/accesslist`)
      .then((l) => { setListEnabled(l.enabled); setMembers(l.members.map(plain).join(', ')); })
      .catch(() => { setListEnabled(false); setMembers(''); });
  }, [resource]);

  const save = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await api(`${base}/policy`, { method: 'PUT', body: json({ rules: rules.map((r) => ({ subjects: split(r.subjects), actions: r.actions })) }) });
      await api(`${base}/accesslist`, { method: 'PUT', body: json({ enabled: listEnabled, members: split(members) }) });
      setMessage({ ok: true, text: t('saved') });
    } catch (err) {
      setMessage({ ok: false, text: t('error', { detail: (err as Error).message }) });
    }
  };

  const update = (i: number, rule: Rule) => setRules(rules.map((r, j) => (i === j ? rule : r)));
  const label = { write: t('mayWrite'), read: t('mayRead'), subscribe: t('maySubscribe') };
  if (resources.length === 0) return <Paragraph>{t('empty')}</Paragraph>;
  return (
    <form className="stack" onSubmit={save}>
      <Field>
        <Label htmlFor="rules-resource">{t('resource')}</Label>
        <Select id="rules-resource" value={resource} onChange={(e) => setResource(e.target.value)}>
          {resources.map((r) => <Select.Option key={r} value={r}>{r}</Select.Option>)}
        </Select>
      </Field>
      <Paragraph>{t('rulesHelp')}</Paragraph>
      {rules.map((rule, i) => (
        <Card key={i} data-testid="rule">
          <Fieldset>
            <Fieldset.Legend>{`${t('rule')} ${i + 1}`}</Fieldset.Legend>
            <Textfield label={t('subjects')} value={rule.subjects} onChange={(e) => update(i, { ...rule, subjects: e.target.value })} />
            <div className="row">
              {ACTIONS.map((a) => (
                <Checkbox key={a} label={label[a]} checked={rule.actions.includes(a)}
                          onChange={(e) => update(i, { ...rule, actions: e.target.checked ? [...rule.actions, a] : rule.actions.filter((x) => x !== a) })} />
              ))}
            </div>
            <div><Button variant="tertiary" data-size="sm" onClick={() => setRules(rules.filter((_, j) => j !== i))}>{t('removeRule')}</Button></div>
          </Fieldset>
        </Card>
      ))}
      <div><Button variant="secondary" onClick={() => setRules([...rules, { subjects: '', actions: ['read'] }])}>{t('addRule')}</Button></div>
      <Heading level={2} data-size="xs">{t('tabLists')}</Heading>
      <Switch label={t('listEnabled')} checked={listEnabled} onChange={(e) => setListEnabled(e.target.checked)} />
      <Textfield label={t('listMembers')} value={members} onChange={(e) => setMembers(e.target.value)} />
      <div><Button type="submit">{t('save')}</Button></div>
      {message && <Alert data-color={message.ok ? 'success' : 'danger'} aria-live="polite">{message.text}</Alert>}
    </form>
  );
}

const plain = (s: string) => s.replace(/^0192:/, '').replace(/^urn:altinn:organization:identifier-no:/, '');
const split = (s: string) => s.split(/[\s,;]+/).filter(Boolean).map((x) => (x === '*' ? x : `0192:${x.replace(/^0192:/, '')}`));
