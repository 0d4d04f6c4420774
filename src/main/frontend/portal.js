// The SME portal's scripts: Camunda Forms rendered with form-js from the very .form files the
// server validates with, drafts saved as the applicant types, attachments, and the calls to the
// SME API (same session, CSRF token from the page). Pages work server side; this adds the forms.
import { Form } from '@bpmn-io/form-js-viewer';
import '@bpmn-io/form-js-viewer/dist/assets/form-js.css';
import flatpickr from 'flatpickr';
import { French } from 'flatpickr/dist/l10n/fr.js';

// form-js's date fields use flatpickr: its calendars in French too.
flatpickr.localize(French);

const csrfHeader = document.querySelector('meta[name="_csrf_header"]')?.content;
const csrfToken = document.querySelector('meta[name="_csrf"]')?.content;

/** A refusal of the API, with its French message and, for a form, the fields it names. */
class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `Erreur ${status} : réessayez dans un instant.`);
    this.status = status;
    this.problem = problem || {};
  }
}

async function api(method, url, body, headers = {}) {
  // X-Requested-With: an expired session answers 401 without asking the browser for a password.
  const init = {
    method,
    headers: { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest', ...headers },
    credentials: 'same-origin',
  };
  if (csrfHeader && method !== 'GET') {
    init.headers[csrfHeader] = csrfToken;
  }
  if (body instanceof FormData) {
    init.body = body;
  } else if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(url, init);
  } catch (e) {
    throw new ApiError(0, { detail: 'Le serveur ne répond pas. Vérifiez votre connexion puis réessayez.' });
  }
  const text = await response.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch (e) {
    json = null;
  }
  if (response.status === 401) {
    window.location.assign('/login?expired');
    throw new ApiError(401, { detail: 'Votre session a expiré : reconnectez-vous.' });
  }
  if (!response.ok) {
    throw new ApiError(response.status, json);
  }
  return { status: response.status, json, location: response.headers.get('Location') };
}

function data(id) {
  const element = document.getElementById(id);
  return element ? JSON.parse(element.textContent) : null;
}

/** Shows a message in a page's alert zone (read out by screen readers); an error takes the focus. */
function say(zone, message, kind = 'error') {
  if (!zone) {
    return;
  }
  zone.hidden = false;
  zone.className = `notice notice--${kind}`;
  zone.replaceChildren();
  const lines = Array.isArray(message) ? message : [message];
  const first = document.createElement('p');
  first.textContent = lines[0];
  zone.append(first);
  if (lines.length > 1) {
    const list = document.createElement('ul');
    lines.slice(1).forEach((line) => {
      const item = document.createElement('li');
      item.textContent = line;
      list.append(item);
    });
    zone.append(list);
  }
  if (kind === 'error') {
    zone.setAttribute('tabindex', '-1');
    zone.focus();
  }
}

/** The lines of a refusal: its message, then each field's, labelled as the form labels it. */
function refusalLines(error, schema) {
  const lines = [error.message];
  const labels = {};
  (function walk(components) {
    (components || []).forEach((c) => {
      if (c.key) labels[c.key] = c.label;
      walk(c.components);
    });
  })(schema?.components);
  (error.problem.errors || error.problem.violations || []).forEach((v) => {
    const field = v.field || v.name || v.key;
    lines.push(field && labels[field] ? `${labels[field]} : ${v.message}` : v.message);
  });
  return lines;
}

/** form-js speaks English: its messages, in French (same placeholders). */
const FRENCH = {
  'Field is required.': 'Ce champ est obligatoire.',
  'Field must be a valid email.': 'Saisissez une adresse électronique valide (nom@domaine.fr).',
  'Field must have maximum length of {value}.': '{value} caractères au plus.',
  'Field must have minimum length of {value}.': '{value} caractères au moins.',
  'Field must have maximum value of {value}.': 'La valeur doit être inférieure ou égale à {value}.',
  'Field must have minimum value of {value}.': 'La valeur doit être supérieure ou égale à {value}.',
  'Field must match pattern {value}.': 'Le format saisi n’est pas valide.',
  'Value is expected to be an integer.': 'Saisissez un nombre entier, sans espace ni virgule.',
  'Value is not a number.': 'Saisissez un nombre.',
  'Value is expected to have at most 1 decimal digit.': 'Une décimale au plus.',
  'Value is expected to have at most {value} decimal digits.': '{value} décimales au plus.',
  'Date and time must both be entered.': 'Saisissez la date et l’heure.',
  'Please select a valid value, the two nearest valid values are {previousValue} and {nextValue}.':
    'Choisissez une valeur valide : les plus proches sont {previousValue} et {nextValue}.',
  Increment: 'Augmenter',
  Decrement: 'Diminuer',
  Search: 'Rechercher',
  'No results': 'Aucun résultat',
  'All values selected': 'Toutes les valeurs sont choisies',
  'Remove tag': 'Retirer',
  'Skip to search': 'Aller à la recherche',
  'No content to show.': 'Rien à afficher.',
  "External content couldn't be loaded.": 'Le contenu externe n’a pas pu être chargé.',
  'Nothing to show.': 'Rien à afficher.',
};

function translate(template, replacements = {}) {
  const french = FRENCH[template] || template;
  return french.replace(/{([^}]+)}/g, (all, key) => (key in replacements ? replacements[key] : all));
}

/**
 * CommonMark lets a backslash escape any ASCII punctuation: what a form only shows through its
 * templates is escaped so that its text is shown as typed (never a link, an image or HTML), as
 * the server does for Tasklist (form.TemplatedTextEscaping).
 */
function escapeForDisplay(value) {
  if (typeof value === 'string') {
    return value.replace(/([!-/:-@[-`{-~])/g, '\\$1');
  }
  if (Array.isArray(value)) {
    return value.map(escapeForDisplay);
  }
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, escapeForDisplay(v)]));
  }
  return value;
}

function displayValues(values, displayedOnly) {
  const shown = { ...values };
  (displayedOnly || []).forEach((key) => {
    if (key in shown) shown[key] = escapeForDisplay(shown[key]);
  });
  return shown;
}

// debounce: false: each keystroke goes to the form's state at once. With form-js' default (300 ms),
// a text field's typing waits in its timer while the form's state still holds the old value; a
// number field just left sends its value a second time about 300 ms after the blur (Numberfield
// calls its debounced onChange from its render), the whole form re-renders, and Preact puts the
// state's old value back into the field being typed in (a controlled textarea): what was typed in
// « Application défense » right after leaving « TRL visé » was wiped, then saved empty.
async function renderForm(container, schema, values) {
  const form = new Form({ container, debounce: false, additionalModules: [{ translate: ['value', translate] }] });
  await form.importSchema(schema, values || {});
  return form;
}

/** The form's fields by their component id (form-js reports errors by id), with their labels. */
function labelsById(schema) {
  const labels = {};
  (function walk(components) {
    (components || []).forEach((c) => {
      if (c.id && c.label) labels[c.id] = c.label;
      walk(c.components);
    });
  })(schema?.components);
  return labels;
}

/**
 * form-js checks its own rules on submit. Its refusals are summed up in the alert zone, each
 * with its field's label (the summary takes the focus; each field shows its own message too).
 */
function checkInBrowser(form, schema, zone) {
  const { data: values, errors } = form.submit();
  const ids = Object.keys(errors);
  if (ids.length) {
    const labels = labelsById(schema);
    const count = ids.length === 1 ? 'Une information est à corriger :' : `${ids.length} informations sont à corriger :`;
    say(zone, [count, ...ids.map((id) => `${labels[id] || 'Champ'} : ${[].concat(errors[id]).flat().join(' ')}`)]);
    return null;
  }
  return values;
}

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

// ---- Attachments: one block per kind of piece, for a draft or for a dossier -------------------

function attachmentRow(attachment, downloadBase, deleteUrl, onChange, zone) {
  const item = document.createElement('li');
  const link = document.createElement('a');
  link.href = `${downloadBase}/${encodeURIComponent(attachment.id)}`;
  link.textContent = attachment.fileName;
  item.append(link, ` (${attachment.sizeLabel})`);
  if (deleteUrl) {
    const remove = document.createElement('button');
    remove.type = 'button';
    remove.className = 'button button--tertiary';
    remove.textContent = 'Retirer';
    remove.setAttribute('aria-label', `Retirer ${attachment.fileName}`);
    remove.addEventListener('click', async () => {
      try {
        await api('DELETE', `${deleteUrl}/${attachment.id}`);
        say(zone, `${attachment.fileName} a été retiré.`, 'info');
        onChange();
      } catch (e) {
        say(zone, e.message);
      }
    });
    item.append(' ', remove);
  }
  return item;
}

function initAttachments(root, { listUrl, uploadUrl, downloadBase, deleteUrl, initial }) {
  const zone = root.querySelector('[data-attachments-alert]');
  let current = initial || [];
  let uploads = 0;

  function render() {
    root.querySelectorAll('[data-kind]').forEach((block) => {
      const kind = block.dataset.kind;
      const list = block.querySelector('ul');
      list.replaceChildren(
        ...current.filter((a) => a.kind === kind).map((a) => attachmentRow(a, downloadBase, deleteUrl, refresh, zone))
      );
      const count = current.filter((a) => a.kind === kind).length;
      const status = block.querySelector('[data-count]');
      if (status) {
        const expected = Number(block.dataset.required || 0);
        status.textContent = expected
          ? `${Math.min(count, expected)} sur ${expected} fourni${expected > 1 ? 's' : ''}`
          : `${count} fourni${count > 1 ? 's' : ''}`;
        status.className = count >= expected ? 'badge badge--success' : 'badge badge--warning';
      }
    });
  }

  async function refresh() {
    try {
      const { json } = await api('GET', listUrl);
      current = Array.isArray(json) ? json : json.attachments || [];
      render();
    } catch (e) {
      say(zone, e.message);
    }
  }

  root.querySelectorAll('[data-kind] input[type=file]').forEach((input) => {
    input.addEventListener('change', async () => {
      const kind = input.closest('[data-kind]').dataset.kind;
      const files = Array.from(input.files);
      const joined = [];
      const refused = [];
      uploads += 1;
      try {
        for (const file of files) {
          const body = new FormData();
          body.append('kind', kind);
          body.append('file', file);
          say(zone, `Envoi de ${file.name}…`, 'info');
          try {
            await api('POST', uploadUrl, body);
            joined.push(`${file.name} a été joint au dossier.`);
          } catch (e) {
            refused.push(`${file.name} n'a pas été joint : ${e.message}`);
          }
        }
      } finally {
        uploads -= 1;
      }
      // Every file's outcome at once: a refusal is never hidden by the next file's success.
      const lines = [...refused, ...joined];
      if (lines.length === 1) {
        say(zone, lines[0], refused.length ? 'error' : 'success');
      } else if (lines.length > 1) {
        say(zone, [refused.length ? 'Certains fichiers n’ont pas été joints :' : 'Fichiers joints :', ...lines], refused.length ? 'error' : 'success');
      }
      input.value = '';
      await refresh();
    });
  });
  render();
  return { refresh, current: () => current, uploading: () => uploads > 0 };
}

// ---- Pages ----------------------------------------------------------------------------------

/** Submission of a RAPID dossier: the start form, its draft saved as one types, the pieces. */
async function newDossierPage(page) {
  const schema = data('form-schema');
  const zone = page.querySelector('[data-form-alert]');
  const saved = page.querySelector('[data-draft-status]');
  const container = page.querySelector('[data-form]');
  let draft;
  try {
    draft = (await api('GET', '/api/drafts/dossier')).json;
  } catch (e) {
    say(zone, e.message);
    return;
  }
  const form = await renderForm(container, schema, draft.values);
  const pieces = initAttachments(page.querySelector('[data-attachments]'), {
    listUrl: '/api/drafts/dossier',
    uploadUrl: '/api/drafts/dossier/attachments',
    downloadBase: '/api/drafts/dossier/attachments',
    deleteUrl: '/api/drafts/dossier/attachments',
    initial: draft.attachments,
  });

  // Saves run one after the other, so that an older one never lands after a newer one.
  let pending = null;
  let saving = Promise.resolve();
  let values = draft.values || {};
  const save = () => {
    pending = null;
    const snapshot = values;
    saving = saving
      .catch(() => undefined)
      .then(() => api('PUT', '/api/drafts/dossier', snapshot))
      .then(() => {
        const time = new Date().toLocaleTimeString('fr-FR', { hour: '2-digit', minute: '2-digit' });
        saved.textContent = `Brouillon enregistré à ${time}.`;
      });
    saving.catch((e) => {
      saved.textContent = `Brouillon non enregistré : ${e.message}`;
    });
    return saving;
  };
  form.on('changed', (event) => {
    values = event.data;
    clearTimeout(pending);
    pending = setTimeout(save, 600);
  });

  page.querySelector('[data-submit]').addEventListener('click', async (event) => {
    const button = event.currentTarget;
    if (pieces.uploading()) {
      say(zone, 'Un fichier est en cours d’envoi : attendez la fin de l’envoi avant de déposer le dossier.');
      return;
    }
    const checked = checkInBrowser(form, schema, zone);
    if (!checked) {
      return;
    }
    values = checked;
    button.disabled = true;
    try {
      clearTimeout(pending);
      // The last values must be on the server before the draft is submitted: a failed save stops here.
      await save();
      // One key per attempt at this draft: a retry after a lost answer finds the same dossier.
      const key = sessionStorage.getItem('rapid-submission-key') || crypto.randomUUID();
      sessionStorage.setItem('rapid-submission-key', key);
      const { json } = await api('POST', '/api/drafts/dossier/submit', undefined, { 'Idempotency-Key': key });
      sessionStorage.removeItem('rapid-submission-key');
      window.location.assign(`/portail/dossiers/${encodeURIComponent(json.dossierNumber)}?depose`);
    } catch (e) {
      say(zone, refusalLines(e, schema));
      button.disabled = false;
    }
  });
}

/** A start form that needs no draft: the mediation request (also the contest of a rejection). */
async function newMediationPage(page) {
  const schema = data('form-schema');
  const zone = page.querySelector('[data-form-alert]');
  const container = page.querySelector('[data-form]');
  const form = await renderForm(container, schema, data('form-values'));
  page.querySelector('[data-submit]').addEventListener('click', async (event) => {
    const button = event.currentTarget;
    const values = checkInBrowser(form, schema, zone);
    if (!values) {
      return;
    }
    button.disabled = true;
    try {
      const key = sessionStorage.getItem('rapid-mediation-key') || crypto.randomUUID();
      sessionStorage.setItem('rapid-mediation-key', key);
      const { json } = await api('POST', '/api/mediations', values, { 'Idempotency-Key': key });
      sessionStorage.removeItem('rapid-mediation-key');
      window.location.assign(`/portail/mediations/${encodeURIComponent(json.caseNumber)}?depose`);
    } catch (e) {
      say(zone, refusalLines(e, schema));
      button.disabled = false;
    }
  });
}

/** The open tasks of a dossier or case page: each task's own form, completed through the API. */
async function taskForms(page) {
  for (const block of page.querySelectorAll('[data-task-id]')) {
    const id = block.dataset.taskId;
    const zone = block.querySelector('[data-form-alert]');
    const container = block.querySelector('[data-form]');
    let task;
    try {
      task = (await api('GET', `/api/tasks/${encodeURIComponent(id)}/form`)).json;
    } catch (e) {
      say(zone, e.message);
      continue;
    }
    const form = await renderForm(container, task.schema, displayValues(task.values, task.displayedOnly));
    block.querySelector('[data-submit]').addEventListener('click', async (event) => {
      const button = event.currentTarget;
      const values = checkInBrowser(form, task.schema, zone);
      if (!values) {
        return;
      }
      button.disabled = true;
      try {
        await api('POST', `/api/tasks/${encodeURIComponent(id)}/complete`, values);
        const url = new URL(window.location.href);
        url.search = '?reponse';
        window.location.assign(url.toString());
      } catch (e) {
        say(zone, refusalLines(e, task.schema));
        button.disabled = false;
      }
    });
  }
}

/** A confirmed action (withdrawal): a plain form whose POST goes to the API. */
function apiActions(page) {
  page.querySelectorAll('form[data-api-action]').forEach((action) => {
    action.addEventListener('submit', async (event) => {
      event.preventDefault();
      const zone = action.querySelector('[data-form-alert]') || page.querySelector('[data-form-alert]');
      const button = action.querySelector('button[type=submit]');
      button.disabled = true;
      try {
        await api('POST', action.dataset.apiAction);
        window.location.assign(action.dataset.then);
      } catch (e) {
        say(zone, e.message);
        button.disabled = false;
      }
    });
  });
}

async function start() {
  const page = document.querySelector('main');
  if (!page) return;
  try {
    await startPage(page);
  } catch (e) {
    say(page.querySelector('[data-form-alert]'), `La page n’a pas pu être préparée : ${e.message} Rechargez-la dans un instant.`);
  } finally {
    document.body.dataset.ready = 'true';
  }
}

async function startPage(page) {
  apiActions(page);
  switch (page.dataset.page) {
    case 'new-dossier':
      await newDossierPage(page);
      break;
    case 'new-mediation':
      await newMediationPage(page);
      break;
    default:
      break;
  }
  const attachments = page.querySelector('[data-attachments][data-dossier]');
  if (attachments) {
    const number = encodeURIComponent(attachments.dataset.dossier);
    initAttachments(attachments, {
      listUrl: `/api/dossiers/${number}/attachments`,
      uploadUrl: `/api/dossiers/${number}/attachments`,
      downloadBase: `/api/dossiers/${number}/attachments`,
      deleteUrl: null,
      initial: data('attachments-data'),
    });
  }
  await taskForms(page);
  await sleep(0);
}

start();
