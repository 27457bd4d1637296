// Drives Debian's chromium through the web app for WebAppBrowserIT. Usage: node journeys.mjs '<json options>'.
// Prints one JSON line with what happened; the Java test checks bytes, hashes and states against the broker.
// Options: base (broker URL), mode, out (a directory for downloads and screenshots), and per mode what it needs.
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';

const o = JSON.parse(process.argv[2]);
const result = { mode: o.mode, consoleErrors: [], dialogs: 0 };
fs.mkdirSync(o.out, { recursive: true });
// Playwright gives each launch a new, empty profile directory; the flags keep Chromium from phoning home.
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});

async function newUser(lang = 'en-GB', viewport = { width: 1280, height: 900 }) {
  const context = await browser.newContext({ acceptDownloads: true, locale: lang, viewport });
  const page = await context.newPage();
  page.on('console', (m) => { if (m.type() === 'error') result.consoleErrors.push(m.text()); });
  page.on('pageerror', (e) => result.consoleErrors.push(e.message));
  page.on('dialog', async (d) => { result.dialogs++; await d.dismiss(); });
  return { context, page };
}

async function signIn(page, orgNo, role = 'party') {
  await page.goto(`${o.base}/signin`);
  await page.getByLabel('Organisation number').fill(orgNo);
  await page.getByLabel(role === 'party' ? 'sender and recipient' : 'service owner').check();
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByTestId('signed-in-as').waitFor();
}

async function send(page, { resource, recipients, reference, properties = '', file }) {
  await page.goto(`${o.base}/send`);
  await page.getByLabel('Service (resource)').selectOption(resource);
  await page.getByLabel('Recipients', { exact: true }).fill(recipients.join(', '));
  await page.getByLabel('Your reference', { exact: true }).fill(reference);
  if (properties) await page.getByLabel('Properties', { exact: true }).fill(properties);
  await page.locator('input[type=file]').setInputFiles(file);
  await page.getByRole('button', { name: 'Send', exact: true }).click();
}

async function published(page, timeout = 180_000) {
  await page.getByTestId('published').waitFor({ timeout });
  return (await page.getByTestId('sha256').textContent()).trim();
}

async function download(page, row, name) {
  const [dl] = await Promise.all([page.waitForEvent('download'), row.getByRole('link', { name: `Download ${name}` }).click()]);
  const target = path.join(o.out, `downloaded-${Date.now()}-${dl.suggestedFilename().replace(/[^\w.-]/g, '_').slice(0, 60)}`);
  await dl.saveAs(target);
  return target;
}

const inboxRow = (page, name) => page.getByTestId('inbox-table').locator('tr', { hasText: name });

async function shoot(page, name) {
  fs.mkdirSync(path.join(o.out, 'screenshots'), { recursive: true });
  await page.screenshot({ path: path.join(o.out, 'screenshots', `${name}.png`), fullPage: true });
}

try {
  if (o.mode === 'journey') {
    const sender = await newUser();
    const recipient = await newUser();
    await signIn(sender.page, o.sender);
    await signIn(recipient.page, o.recipient);
    await recipient.page.goto(`${o.base}/inbox`);
    const before = await recipient.page.evaluate(() => performance.getEntriesByType('navigation').length);
    result.sha256 = [];
    for (const [i, file] of o.files.entries()) {
      await send(sender.page, { resource: o.resource, recipients: [o.recipient], reference: `journey-${i}`, file });
      const started = Date.now();
      result.sha256.push(await published(sender.page));
      result[`uploadMillis${i}`] = Date.now() - started;
      await shoot(sender.page, `send-published-${i}`);
    }
    // The recipient's inbox shows both without a reload of the page.
    result.downloads = [];
    for (const file of o.files) {
      const name = path.basename(file);
      const row = inboxRow(recipient.page, name);
      await row.waitFor({ timeout: 30_000 });
      result.downloads.push(await download(recipient.page, row, name));
      await row.getByRole('button', { name: `Confirm download ${name}` }).click();
      await row.getByText('Confirmed', { exact: true }).waitFor();
    }
    result.reloadsOfInbox = (await recipient.page.evaluate(() => performance.getEntriesByType('navigation').length)) - before;
    result.inboxUrl = recipient.page.url();
    await shoot(recipient.page, 'inbox-confirmed');
    // The sender sees both confirmations in each transfer's timeline.
    await sender.page.goto(`${o.base}/sent`);
    result.confirmedTimelines = 0;
    for (const file of o.files) {
      await sender.page.getByRole('link', { name: path.basename(file), exact: true }).first().click();
      const history = sender.page.getByTestId('recipient-history');
      await history.waitFor();
      if ((await history.textContent()).includes('DownloadConfirmed')) result.confirmedTimelines++;
      result.transferId ??= sender.page.url().split('/').pop();
      await shoot(sender.page, 'detail-sender');
      await sender.page.goBack();
    }
    // A third organisation that changes the URL to the sender's transfer is refused by the API's own check.
    const stranger = await newUser();
    await signIn(stranger.page, o.stranger);
    await stranger.page.goto(`${o.base}/transfer/${result.transferId}`);
    result.strangerSees = (await stranger.page.getByTestId('detail-error').textContent()).trim();
    result.strangerSeesName = await stranger.page.getByTestId('detail-name').count();
  } else if (o.mode === 'offline') {
    const sender = await newUser();
    await signIn(sender.page, o.sender);
    const cdp = await sender.context.newCDPSession(sender.page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: o.bytesPerSecond });
    await send(sender.page, { resource: o.resource, recipients: [o.recipient], reference: 'offline', file: o.file });
    await sender.page.getByTestId('progress').waitFor();
    await sender.page.waitForFunction(() => {
      const p = document.querySelector('progress');
      return p && p.value > p.max * 0.3;
    }, null, { timeout: 60_000 });
    await sender.context.setOffline(true);
    result.offlineAt = await sender.page.evaluate(() => document.querySelector('progress').value);
    await sender.page.waitForTimeout(1500);
    await sender.context.setOffline(false);
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
    await sender.page.reload();
    await sender.page.getByText('Unfinished uploads').waitFor();
    await sender.page.locator('input[type=file]').setInputFiles(o.file);
    await sender.page.getByRole('button', { name: 'Resume', exact: true }).click();
    await sender.page.getByTestId('progress').waitFor();
    result.resumedFrom = await sender.page.evaluate(() => document.querySelector('progress').value);
    result.sha256 = await published(sender.page);
  } else if (o.mode === 'withdraw') {
    // The sender withdraws a published transfer from its detail page, after a confirmation, with a reason.
    const sender = await newUser();
    await signIn(sender.page, o.sender);
    await send(sender.page, { resource: o.resource, recipients: [o.recipient], reference: 'withdraw', file: o.file });
    await published(sender.page);
    await sender.page.goto(`${o.base}/sent`);
    await sender.page.getByRole('link', { name: path.basename(o.file), exact: true }).first().click();
    await sender.page.getByTestId('withdraw').click();
    await sender.page.getByTestId('withdraw-confirmation').waitFor();
    result.cancelledBeforeConfirming = (await sender.page.getByTestId('detail-status').textContent()).includes('Cancelled');
    await sender.page.getByLabel('Reason (optional, shown in the timeline)').fill(o.reason);
    await shoot(sender.page, 'withdraw-confirmation');
    await sender.page.getByTestId('withdraw-confirm').click();
    await sender.page.getByTestId('detail-status').filter({ hasText: 'Cancelled' }).waitFor();
    result.status = (await sender.page.getByTestId('detail-status').textContent()).trim();
    result.timeline = await sender.page.getByRole('table').first().textContent();
    result.withdrawButtons = await sender.page.getByTestId('withdraw').count();
    result.transferId = sender.page.url().split('/').pop();
    await shoot(sender.page, 'withdrawn');
  } else if (o.mode === 'notifications') {
    // A recipient registers an e-mail address from the navigation, is stopped by a typing slip, saves and reloads.
    const person = await newUser();
    await signIn(person.page, o.org);
    const p = person.page;
    await p.getByRole('navigation').getByRole('link', { name: 'Notifications' }).click();
    await p.getByRole('heading', { name: 'Notifications', level: 1 }).waitFor();
    await p.getByTestId('no-addresses').waitFor();
    await p.getByRole('button', { name: 'Add address' }).click();
    await p.getByLabel('E-mail address').fill(o.typingSlip);
    await p.getByRole('button', { name: 'Save' }).click();
    await p.getByTestId('notifications-message').filter({ hasText: 'Nothing was saved' }).waitFor();
    result.typingSlip = (await p.getByTestId('notification-address').textContent()).trim();
    await shoot(p, 'notifications-invalid');
    // One the page lets through and the broker refuses: its problem details come back to the field.
    await p.getByLabel('E-mail address').fill(o.refusedByTheBroker);
    const [refused] = await Promise.all([
      p.waitForResponse((r) => r.url().endsWith('/notifications/settings') && r.request().method() === 'PUT'),
      p.getByRole('button', { name: 'Save' }).click(),
    ]);
    result.refusedByTheBroker = refused.status();
    await p.getByTestId('notification-address').filter({ hasText: 'Write an e-mail address' }).waitFor();
    result.refusedMessage = (await p.getByTestId('notification-address').textContent()).trim();
    await p.getByLabel('E-mail address').fill(o.address);
    await p.getByLabel('For service').selectOption(o.resource);
    await p.getByLabel('Language of the e-mails').selectOption('en');
    await p.getByRole('button', { name: 'Save' }).click();
    await p.getByTestId('notifications-message').filter({ hasText: 'Saved.' }).waitFor();
    await p.reload();
    await p.getByTestId('notification-address').waitFor();
    result.afterReload = {
      address: await p.getByLabel('E-mail address').inputValue(),
      resource: await p.getByLabel('For service').inputValue(),
      language: await p.getByLabel('Language of the e-mails').inputValue(),
    };
    await shoot(p, 'notifications-saved');
  } else if (o.mode === 'admin') {
    const owner = await newUser();
    await signIn(owner.page, o.owner, 'serviceowner');
    const p = owner.page;
    await p.getByLabel('Name of the service owner').fill('Web owner');
    await p.getByRole('button', { name: 'Register' }).click();
    await p.getByLabel('Service id', { exact: true }).fill(o.resource);
    await p.getByLabel('Largest file (bytes)').fill(String(o.maxSize));
    await p.getByLabel('Time to live (ISO-8601, e.g. P30D)').fill('P7D');
    await p.getByRole('button', { name: 'Save' }).click();
    await p.getByTestId('owned-resources').getByText(o.resource).waitFor();
    await shoot(p, 'admin-resources');
    await p.getByRole('tab', { name: 'Access rules' }).click();
    await p.getByRole('button', { name: 'Add rule' }).click();
    await p.getByLabel('Organisations', { exact: true }).first().fill(o.sender);
    await p.getByLabel('send', { exact: true }).first().check();
    await p.getByRole('button', { name: 'Add rule' }).click();
    await p.getByLabel('Organisations', { exact: true }).nth(1).fill(o.recipient);
    await p.getByRole('button', { name: 'Save' }).click();
    await p.getByText('Saved.').waitFor();
    await shoot(p, 'admin-rules');
    const sender = await newUser();
    await signIn(sender.page, o.sender);
    // Over the resource's maximum: refused in the page, before any byte (and before the transfer is initialized).
    await send(sender.page, { resource: o.resource, recipients: [o.recipient], reference: 'too big', file: o.tooBig });
    result.tooBig = (await sender.page.getByTestId('file-error').textContent()).trim();
    await send(sender.page, { resource: o.resource, recipients: [o.recipient], reference: 'on the new resource', file: o.file });
    result.sha256 = await published(sender.page);
  } else if (o.mode === 'xss') {
    const sender = await newUser();
    const recipient = await newUser();
    await signIn(sender.page, o.sender);
    await signIn(recipient.page, o.recipient);
    for (const [i, name] of o.names.entries()) {
      await send(sender.page, {
        resource: o.resource, recipients: [o.recipient], reference: o.payloads[i % o.payloads.length],
        properties: `k${i}=${o.payloads[i % o.payloads.length]}`,
        file: { name, mimeType: 'text/plain', buffer: Buffer.from(`xss ${i}`) },
      });
      await published(sender.page);
    }
    await recipient.page.goto(`${o.base}/inbox`);
    await recipient.page.getByTestId('inbox-table').waitFor();
    await recipient.page.waitForFunction((n) => document.querySelectorAll('[data-testid=inbox-table] tbody tr').length >= n, o.names.length);
    result.shownNames = await recipient.page.$$eval('[data-testid=inbox-table] tbody tr td:first-child a', (as) => as.map((a) => a.textContent));
    await shoot(recipient.page, 'xss-inbox');
    await recipient.page.getByTestId('inbox-table').locator('a').first().click();
    await recipient.page.getByTestId('detail-name').waitFor();
    result.detailReference = await recipient.page.getByTestId('detail-reference').textContent();
    result.detailProperty = await recipient.page.getByTestId('detail-property').first().textContent();
    result.scriptRan = await recipient.page.evaluate(() => window.__xss === 1) || await sender.page.evaluate(() => window.__xss === 1);
    result.injectedElements = await recipient.page.evaluate(() => document.querySelectorAll('img[src=x], main script').length);
  } else if (o.mode === 'axe') {
    const sender = await newUser();
    const owner = await newUser();
    await signIn(sender.page, o.sender);
    await signIn(owner.page, o.owner, 'serviceowner');
    const anonymous = await newUser();
    result.violations = [];
    result.pages = 0;
    for (const lang of ['nb', 'en']) {
      for (const [user, pages] of [[anonymous, ['/signin']], [sender, ['/inbox', '/send', '/sent', '/notifications', `/transfer/${o.transferId}`]], [owner, ['/admin']]]) {
        for (const url of pages) {
          for (const [width, height] of [[1280, 900], [375, 800]]) {
            await user.page.setViewportSize({ width, height });
            await user.page.goto(`${o.base}${url}`);
            await user.page.evaluate((l) => localStorage.setItem('formidler-lang', l), lang);
            await user.page.reload();
            await user.page.locator('main h1').first().waitFor();
            await user.page.waitForTimeout(300);
            const axe = await new AxeBuilder({ page: user.page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
            for (const v of axe.violations.filter((x) => x.impact === 'serious' || x.impact === 'critical')) {
              result.violations.push({ url, lang, width, id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 3) });
            }
            result.pages++;
            await shoot(user.page, `${url.startsWith('/transfer/') ? 'transfer' : url.slice(1)}-${lang}-${width}`);
          }
        }
      }
    }
  } else if (o.mode === 'oidc') {
    // The test's OIDC server (mock-oauth2-server) signs the person in at once with the claims the test queued.
    const person = await newUser();
    await person.page.goto(`${o.base}/signin`);
    await person.page.getByRole('link', { name: /identity provider \(sender and recipient\)/ }).click();
    await person.page.getByTestId('signed-in-as').waitFor();
    result.signedInAs = (await person.page.getByTestId('signed-in-as').textContent()).trim();
    await person.page.goto(`${o.base}/inbox`);
    await person.page.getByRole('heading', { name: 'Inbox' }).waitFor();
    await person.page.getByRole('button', { name: 'Sign out' }).click();
    await person.page.getByRole('heading', { name: 'Sign in' }).waitFor();
    result.afterSignOut = await person.page.evaluate(async () => (await (await fetch('/web/session')).json()).signedIn);
    result.cookies = (await person.context.cookies()).map((c) => ({ name: c.name, httpOnly: c.httpOnly, sameSite: c.sameSite }));
  }
  result.storage = await browser.contexts()[0]?.pages()[0]?.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage })) ?? '';
  result.ok = true;
} catch (e) {
  result.ok = false;
  result.error = String(e && e.stack || e);
  for (const [i, context] of browser.contexts().entries()) {
    for (const [j, page] of context.pages().entries()) await shoot(page, `failure-${o.mode}-${i}-${j}`).catch(() => {});
  }
} finally {
  await browser.close();
}
console.log(JSON.stringify(result));
