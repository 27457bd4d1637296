import { DragEvent, FormEvent, useEffect, useRef, useState } from 'react';
import * as tus from 'tus-js-client';
import { Alert, Button, Card, Field, Heading, Label, Paragraph, Select, Textarea, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { api, Details, json, transferPath } from '../api';
import { bytes, duration, visible } from '../format';
import { useT } from '../i18n';
import { parseOrgNos, validOrgNo } from '../orgno';
import { linkTo } from '../router';
import { forget, matching, Pending, pendingUploads, Progress, remember, startOrResume, tusUpload } from './uploads';

type Sendable = { id: string; maxFileTransferSize: number | null };
type Phase = { kind: 'idle' } | { kind: 'uploading'; paused: boolean } | { kind: 'processing' }
  | { kind: 'published'; sha256: string | null } | { kind: 'failed'; detail: string };

export function Send({ org }: { org: string }) {
  const { t, locale } = useT();
  const [resources, setResources] = useState<Sendable[] | null>(null);
  const [resourceId, setResourceId] = useState('');
  const [recipients, setRecipients] = useState('');
  const [reference, setReference] = useState('');
  const [properties, setProperties] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [over, setOver] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [progress, setProgress] = useState<Progress | null>(null);
  const [transferId, setTransferId] = useState<string | null>(null);
  const [pending, setPending] = useState<Pending[]>(pendingUploads);
  const upload = useRef<tus.Upload | null>(null);

  useEffect(() => {
    api<Sendable[]>('/web/api/resources/sendable').then((list) => {
      setResources(list);
      if (list.length > 0) setResourceId((current) => current || list[0].id);
    }).catch(() => setResources([]));
  }, []);

  const chosen = resources?.find((r) => r.id === resourceId);
  const resuming = file ? matching(file) : undefined;

  const pick = (f: File | undefined | null) => {
    if (!f) return;
    setFile(f);
    setErrors((e) => ({ ...e, file: '' }));
    const previous = matching(f);
    if (previous) setResourceId(previous.resourceId);
  };

  const validate = (): Record<string, string> => {
    const found: Record<string, string> = {};
    if (resuming) return found;
    const orgs = parseOrgNos(recipients);
    const invalid = orgs.filter((o) => !validOrgNo(o));
    if (orgs.length === 0) found.recipients = t('recipientsHelp');
    else if (invalid.length > 0) found.recipients = invalid.map((o) => t('invalidOrgNo', { value: o })).join('. ');
    if (!reference.trim()) found.reference = t('reference');
    if (!file) found.file = t('dropHere');
    const max = chosen?.maxFileTransferSize;
    if (file && max != null && file.size > max) found.file = t('tooLarge', { size: bytes(file.size, locale), max: bytes(max, locale) });
    if (propertyList() === null) found.properties = t('propertiesHelp');
    return found;
  };

  const propertyList = (): Record<string, string> | null => {
    const result: Record<string, string> = {};
    for (const line of properties.split('\n').map((l) => l.trim()).filter(Boolean)) {
      const at = line.indexOf('=');
      if (at <= 0) return null;
      result[line.substring(0, at).trim()] = line.substring(at + 1).trim();
    }
    return result;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = validate();
    setErrors(found);
    if (Object.values(found).some(Boolean) || !file) return;
    try {
      let id = resuming?.transferId;
      if (!id) {
        const created = await api<{ fileTransferId: string }>('/broker/api/v1/filetransfer', {
          method: 'POST',
          body: json({
            resourceId, fileName: file.name, sendersFileTransferReference: reference.trim(), sender: `0192:${org}`,
            recipients: parseOrgNos(recipients).map((o) => `0192:${o}`), propertyList: propertyList(),
          }),
        });
        id = created.fileTransferId;
        remember({ transferId: id, name: file.name, size: file.size, lastModified: file.lastModified, resourceId });
        setPending(pendingUploads());
      }
      setTransferId(id);
      start(id, file);
    } catch (e) {
      setPhase({ kind: 'failed', detail: (e as Error).message });
    }
  };

  const start = (id: string, f: File) => {
    setPhase({ kind: 'uploading', paused: false });
    upload.current = tusUpload(id, f, setProgress, () => finished(id), (e) => setPhase({ kind: 'failed', detail: e.message }));
    void startOrResume(upload.current);
  };

  const finished = async (id: string) => {
    forget(id);
    setPending(pendingUploads());
    setPhase({ kind: 'processing' });
    for (let i = 0; i < 600; i++) {
      const d = await api<Details>(transferPath(id));
      if (d.fileTransferStatus === 'Published' || d.fileTransferStatus === 'AllConfirmedDownloaded') {
        setPhase({ kind: 'published', sha256: d.sha256 ?? null });
        return;
      }
      if (d.fileTransferStatus === 'Failed') {
        setPhase({ kind: 'failed', detail: d.fileTransferStatusText });
        return;
      }
      await new Promise((r) => setTimeout(r, 1000));
    }
  };

  const pause = async () => {
    await upload.current?.abort();
    setPhase({ kind: 'uploading', paused: true });
  };
  const resume = () => {
    setPhase({ kind: 'uploading', paused: false });
    upload.current?.start();
  };

  const drop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    pick(event.dataTransfer.files[0]);
  };

  const reset = () => {
    setFile(null);
    setProgress(null);
    setTransferId(null);
    setPhase({ kind: 'idle' });
  };

  const busy = phase.kind === 'uploading' || phase.kind === 'processing';
  return (
    <div className="stack">
      <Heading level={1} data-size="lg">{t('sendTitle')}</Heading>
      {pending.length > 0 && phase.kind === 'idle' && (
        <Alert data-color="info">
          <Heading level={2} data-size="xs">{t('unfinished')}</Heading>
          <Paragraph>{t('unfinishedHelp')}</Paragraph>
          <ul>
            {pending.map((p) => (
              <li key={p.transferId} className="break">
                {visible(p.name)} ({bytes(p.size, locale)}){' '}
                <Button variant="tertiary" data-size="sm" onClick={() => { forget(p.transferId); setPending(pendingUploads()); }}>
                  {t('forget')}
                </Button>
              </li>
            ))}
          </ul>
        </Alert>
      )}
      {resources !== null && resources.length === 0 && <Alert data-color="warning">{t('noResources')}</Alert>}
      <form className="stack" onSubmit={submit} noValidate>
        <Field>
          <Label htmlFor="resource">{t('resource')}</Label>
          <Select id="resource" value={resourceId} disabled={busy || !!resuming} onChange={(e) => setResourceId(e.target.value)}>
            {(resources ?? []).map((r) => <Select.Option key={r.id} value={r.id}>{r.id}</Select.Option>)}
          </Select>
        </Field>
        {!resuming && (
          <>
            <Textfield label={t('recipients')} description={t('recipientsHelp')} value={recipients} disabled={busy}
                       name="recipients" error={errors.recipients || undefined} onChange={(e) => setRecipients(e.target.value)} />
            <Textfield label={t('reference')} value={reference} disabled={busy} name="reference" maxLength={4096}
                       error={errors.reference || undefined} onChange={(e) => setReference(e.target.value)} />
            <Field>
              <Label htmlFor="properties">{t('properties')}</Label>
              <Field.Description>{t('propertiesHelp')}</Field.Description>
              <Textarea id="properties" rows={3} value={properties} disabled={busy} aria-invalid={!!errors.properties}
                        onChange={(e) => setProperties(e.target.value)} />
              {errors.properties && <ValidationMessage>{errors.properties}</ValidationMessage>}
            </Field>
          </>
        )}
        <Field>
          <Label htmlFor="file">{t('file')}</Label>
          <div className="dropzone" data-over={over} onDragOver={(e) => { e.preventDefault(); setOver(true); }}
               onDragLeave={() => setOver(false)} onDrop={drop} data-testid="dropzone">
            <Paragraph>{t('dropHere')}</Paragraph>
            <input id="file" type="file" disabled={busy} aria-invalid={!!errors.file}
                   onChange={(e) => pick(e.target.files?.[0])} />
            {file && <Paragraph className="break" data-testid="selected">{t('selected', { name: visible(file.name), size: bytes(file.size, locale) })}</Paragraph>}
            {resuming && <Paragraph>{t('continueWith', { name: resuming.name })}</Paragraph>}
          </div>
          {errors.file && <ValidationMessage data-testid="file-error">{errors.file}</ValidationMessage>}
        </Field>
        {phase.kind !== 'uploading' && phase.kind !== 'processing' && (
          <div><Button type="submit" disabled={resources === null || resources.length === 0}>{resuming ? t('resume') : t('send')}</Button></div>
        )}
      </form>
      {phase.kind === 'uploading' && progress && (
        <Card data-testid="progress">
          <Label htmlFor="upload-progress">{t('uploading')}</Label>
          <progress id="upload-progress" max={progress.total} value={progress.sent} />
          <Paragraph aria-live="polite">
            {t('progress', {
              done: bytes(progress.sent, locale), total: bytes(progress.total, locale),
              speed: bytes(progress.bytesPerSecond, locale),
              eta: duration(progress.bytesPerSecond > 0 ? (progress.total - progress.sent) / progress.bytesPerSecond : NaN, locale),
            })}
          </Paragraph>
          <div className="row">
            {phase.paused ? <Button onClick={resume}>{t('resume')}</Button> : <Button variant="secondary" onClick={pause}>{t('pause')}</Button>}
          </div>
        </Card>
      )}
      {phase.kind === 'processing' && <Alert data-color="info" aria-live="polite">{t('processing')}</Alert>}
      {phase.kind === 'published' && (
        <Alert data-color="success" data-testid="published">
          <Paragraph>{t('published')}</Paragraph>
          <Paragraph>{t('sha256')}: <span className="mono" data-testid="sha256">{phase.sha256}</span></Paragraph>
          <div className="row">
            {transferId && <a href={`/transfer/${transferId}`} onClick={linkTo(`/transfer/${transferId}`)}>{t('detailTitle')}</a>}
            <Button variant="secondary" data-size="sm" onClick={reset}>{t('sendAnother')}</Button>
          </div>
        </Alert>
      )}
      {phase.kind === 'failed' && <Alert data-color="danger" data-testid="failed">{t('failed', { detail: phase.detail })}</Alert>}
    </div>
  );
}
