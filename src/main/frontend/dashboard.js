// The managers' dashboard: figures from /dashboard/api/* drawn as key-number cards, Chart.js charts
// (each followed by its figures as a table) and, per process, the BPMN diagram (bpmn-js) with the
// bottleneck map laid over it. The filter is the page's query string: applied without reloading
// the page, reflected in the address bar and in the export links. Text is built with DOM nodes,
// never from HTML strings: names come from the data.
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  Tooltip,
} from 'chart.js';
import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip, Legend);
Chart.defaults.font.family = getComputedStyle(document.documentElement).getPropertyValue('--font') || 'sans-serif';
Chart.defaults.font.size = 13;
Chart.defaults.color = '#1e1e1e';

const COLOURS = {
  primary: '#1f3a68',
  secondary: '#6f86b5',
  light: '#b7c3dc',
  green: '#18753c',
  orange: '#b34000',
};

// ---------------------------------------------------------------- French formats

const integer = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });
const twoDecimals = new Intl.NumberFormat('fr-FR', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const upToTwoDecimals = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 2 });
const compact = new Intl.NumberFormat('fr-FR', { notation: 'compact', maximumFractionDigits: 1 });
const longDate = new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Paris' });
const time = new Intl.DateTimeFormat('fr-FR', { hour: 'numeric', minute: '2-digit', timeZone: 'Europe/Paris' });

// Intl separates thousands with a narrow no-break space; a plain no-break space reads the same
// everywhere and keeps « 200 000 € » on one line.
const nbsp = (text) => text.replace(/[\u202f\u00a0 ]/g, '\u00a0');
const count = (n) => (n == null ? '—' : nbsp(integer.format(n)));
const euros = (n) => (n == null ? '—' : `${nbsp(integer.format(n))}\u00a0€`);
const eurosCents = (n) => (n == null ? '—' : `${nbsp(twoDecimals.format(Number(n)))}\u00a0€`);
// Rounded down to the tenth: 24 844 of 24 854 decisions in time is « 99,9 % », never a commitment « 100 % » met.
const percent = (share) => (share == null ? '—' : `${nbsp(oneDecimal.format(Math.floor(share * 1000 + 1e-6) / 10))}\u00a0%`);
const days = (d) => (d == null ? '—' : `${nbsp(oneDecimal.format(d))}\u00a0j`);
const date = (iso) => (iso ? longDate.format(new Date(`${iso}${iso.length === 10 ? 'T12:00:00Z' : ''}`)) : '—');
// Axes: short (« 400 k€ », « 0,25 j »); tooltips and tables give the full figure.
const AXIS = {
  count: (n) => nbsp(integer.format(n)),
  euros: (n) => `${nbsp(compact.format(n))}\u00a0€`,
  days: (n) => `${nbsp(upToTwoDecimals.format(n))}\u00a0j`,
};
const frenchTime = (d) => time.format(d).replace(':', '\u00a0h\u00a0');

// ---------------------------------------------------------------- DOM helpers

/** h('p', { class: 'x' }, 'text', child): an element with attributes and children (text is text). */
function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : String(child));
  }
  return element;
}

function link(href, text, label) {
  return href ? h('a', { href, 'aria-label': label }, text) : null;
}

/**
 * A table with a caption; rows are arrays of cells (text or nodes); numeric columns align right.
 * On a phone each row becomes a card whose cells say what they are (portal.css, table.responsive).
 */
function table(caption, headers, rows, numeric = []) {
  return h(
    'div',
    { class: 'table-wrap' },
    h(
      'table',
      { class: 'responsive' },
      h('caption', {}, caption),
      h('thead', {}, h('tr', {}, headers.map((header, i) => h('th', { scope: 'col', class: numeric.includes(i) ? 'num' : null }, header)))),
      h(
        'tbody',
        {},
        rows.length === 0
          ? h('tr', {}, h('td', { colspan: headers.length, class: 'none' }, 'Aucune donnée pour ce filtre.'))
          : rows.map((row) =>
              h(
                'tr',
                {},
                row.map((cell, i) =>
                  i === 0 ? h('th', { scope: 'row' }, cell) : h('td', { class: numeric.includes(i) ? 'num' : null, 'data-label': headers[i] }, cell),
                ),
              ),
            ),
      ),
    ),
  );
}

/** A key number: its value big, what it is above, and how it was counted below. */
function card(label, value, detail) {
  return h('div', { class: 'kpi' }, h('p', { class: 'kpi__label' }, label), h('p', { class: 'kpi__value' }, value), detail ? h('p', { class: 'kpi__detail' }, detail) : null);
}

/** French agreement: 0 and 1 take the singular (« 0 réponse », « 1 réponse », « 2 réponses »). */
function plural(n, one, many) {
  return `${count(n)} ${n > 1 ? many : one}`;
}

/** « 3 éligibles sur 4 vérifiés »: each side agrees with its own number. */
function shareDetail(share, counted, among) {
  return share ? `${plural(share.count, ...counted)} sur ${plural(share.total, ...among)}` : null;
}

// ---------------------------------------------------------------- charts

const charts = new Map();

/**
 * A bar chart and, after it, the same figures as a table (in a disclosure, open on request).
 * series: [{ label, values, colour, format }]. Bars are horizontal (long French labels stay
 * readable on a phone) but for time series.
 */
function chartFigure(id, title, labels, series, { horizontal = true, stacked = false, tableHeaders, tableRows, numeric } = {}) {
  const canvas = h('canvas', { id: `chart-${id}`, role: 'img', 'aria-label': `${title} : graphique, ses chiffres sont dans le tableau qui le suit.` });
  // Horizontal: room for each label's lines and bars, whatever the width.
  const lines = Math.max(1, ...labels.map((label) => [].concat(wrap(label)).length));
  const perLabel = Math.max(series.length > 1 ? 3 : 2.4, lines * 1.15 + 0.7);
  const height = horizontal ? Math.max(10, labels.length * perLabel + 5) : 18;
  const figure = h(
    'figure',
    { class: 'chart', id },
    h('figcaption', {}, title),
    h('div', { class: 'chart__canvas', style: `height:${height}rem` }, canvas),
    h('details', { class: 'figures' }, h('summary', {}, `Les chiffres : ${lowerFirst(title)}`), table(title, tableHeaders, tableRows, numeric)),
  );
  // Drawn once in the page (Chart.js measures its container).
  queueMicrotask(() => {
    charts.get(id)?.destroy();
    const axis = series[0].format === euros ? AXIS.euros : series[0].format === days ? AXIS.days : AXIS.count;
    const valueTicks = { callback: (v) => axis(v), maxTicksLimit: 6, precision: axis === AXIS.count ? 0 : undefined };
    charts.set(
      id,
      new Chart(canvas, {
        type: 'bar',
        data: {
          labels: labels.map((label) => wrap(label)),
          datasets: series.map((s) => ({
            label: s.label,
            data: s.values,
            backgroundColor: s.colour,
            borderColor: s.colour,
            maxBarThickness: 48,
          })),
        },
        options: {
          indexAxis: horizontal ? 'y' : 'x',
          responsive: true,
          maintainAspectRatio: false,
          animation: false,
          locale: 'fr-FR',
          plugins: {
            legend: { display: series.length > 1, position: 'bottom' },
            tooltip: { callbacks: { label: (item) => `${item.dataset.label} : ${(series[item.datasetIndex].format || count)(item.raw)}` } },
          },
          scales: {
            x: { stacked, beginAtZero: true, ticks: horizontal ? valueTicks : { autoSkip: true, maxRotation: 0 } },
            y: { stacked, beginAtZero: true, ticks: horizontal ? { autoSkip: false } : valueTicks },
          },
        },
      }),
    );
  });
  return figure;
}

const lowerFirst = (text) => text.charAt(0).toLowerCase() + text.slice(1);

/** Long labels on several lines (Chart.js draws an array as lines), so that none is cut on a phone. */
function wrap(label, width = 18) {
  const lines = [];
  let line = '';
  // Words, and compound names cut after their hyphens (« Auvergne-Rhône-Alpes »).
  const words = String(label)
    .split(' ')
    .flatMap((word) => (word.length > width ? word.split(/(?<=-)/) : [word]));
  for (const word of words) {
    const glued = line.endsWith('-') ? `${line}${word}` : `${line} ${word}`;
    if (line && glued.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? glued : word;
    }
  }
  if (line) lines.push(line);
  return lines.length > 1 ? lines : label;
}

// ---------------------------------------------------------------- the API

class Refusal extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `Erreur ${status}`);
    this.status = status;
    this.problem = problem || {};
  }
}

async function get(url, as = 'json') {
  let response;
  try {
    response = await fetch(url, { headers: { Accept: as === 'json' ? 'application/json' : 'application/xml', 'X-Requested-With': 'XMLHttpRequest' }, credentials: 'same-origin' });
  } catch (e) {
    throw new Refusal(0, { detail: 'Le serveur ne répond pas. Vérifiez votre connexion puis réessayez.' });
  }
  const text = await response.text();
  if (!response.ok) {
    let problem = null;
    try {
      problem = JSON.parse(text);
    } catch (e) {
      problem = null;
    }
    throw new Refusal(response.status, problem);
  }
  return as === 'json' ? JSON.parse(text) : text;
}

/** What a manager reads when a view cannot be shown. */
function explain(error) {
  switch (error.status) {
    case 400:
      return 'Le filtre est incorrect : corrigez-le (voir en haut de la page) pour voir ces chiffres.';
    case 401:
      return 'Votre session a expiré : reconnectez-vous pour voir ces chiffres.';
    case 403:
      return 'Le tableau de bord est réservé aux gestionnaires (mission achats) et aux administrateurs.';
    case 0:
      return error.message;
    default:
      return `Ces chiffres sont indisponibles pour le moment (erreur ${error.status}). Réessayez dans un instant ; si cela dure, prévenez l'équipe technique.`;
  }
}

const FIELD_LABELS = { from: 'Du', to: 'Au', stage: 'Étape', region: 'Région', category: "Catégorie d'entreprise" };

/** A refusal of the whole page (bad filter, expired session, no right), said once at the top. */
function showPageError(error) {
  const box = document.getElementById('errors');
  box.replaceChildren();
  if (!error) return;
  if (error.status === 400) {
    const errors = error.problem.errors || [];
    box.append(
      h(
        'div',
        { class: 'notice notice--error' },
        h('p', {}, h('strong', {}, 'Le filtre ne peut pas être appliqué :')),
        h('ul', {}, errors.map((e) => h('li', {}, h('a', { href: `#${e.field}` }, FIELD_LABELS[e.field] || e.field), ` : ${e.message}`))),
      ),
    );
    for (const e of errors) document.getElementById(e.field)?.setAttribute('aria-invalid', 'true');
  } else if (error.status === 401) {
    box.append(h('div', { class: 'notice notice--error' }, h('p', {}, 'Votre session a expiré. ', h('a', { href: '/camunda/app/welcome/default/#!/login' }, 'Se reconnecter'))));
  } else if (error.status === 403) {
    box.append(h('div', { class: 'notice notice--error' }, h('p', {}, explain(error))));
  }
}

// ---------------------------------------------------------------- the filter

const form = document.getElementById('filter');
const FIELDS = ['from', 'to', 'stage', 'region', 'category'];

function filterFromForm() {
  const parameters = new URLSearchParams();
  for (const name of FIELDS) {
    const value = form.elements[name].value.trim();
    if (value) parameters.set(name, value);
  }
  return parameters;
}

function filterToForm(parameters) {
  for (const name of FIELDS) {
    const field = form.elements[name];
    const value = parameters.get(name) || '';
    if (field.tagName === 'SELECT') {
      ensureOption(field, value);
      field.dataset.selected = value;
    }
    if (value || field.tagName === 'SELECT') field.value = value;
  }
}

/** A value asked in the address bar stays selected even before (or without) the options. */
function ensureOption(select, value) {
  if (value && ![...select.options].some((o) => o.value === value)) {
    select.append(h('option', { value }, value));
  }
}

async function loadOptions() {
  try {
    const options = await get('/dashboard/api/options');
    fill(form.elements.stage, options.stages.map((s) => [s.key, s.label]));
    fill(form.elements.region, options.regions.map((r) => [r, r]));
    fill(form.elements.category, options.categories.map((c) => [c.key, c.label]));
  } catch (e) {
    // The selects keep « all » and what the address asked; the views say what is wrong.
  }
}

function fill(select, pairs) {
  const selected = select.dataset.selected || select.value;
  select.replaceChildren(select.options[0], ...pairs.map(([value, label]) => h('option', { value }, label)));
  ensureOption(select, selected);
  select.value = selected || '';
}

function updateExportLinks(parameters) {
  for (const anchor of document.querySelectorAll('[data-export]')) {
    const query = parameters.toString();
    anchor.href = `/dashboard/export/${anchor.dataset.export}${query ? `?${query}` : ''}`;
  }
}

// ---------------------------------------------------------------- the views

function section(id) {
  const element = document.getElementById(id);
  return { element, body: element.querySelector('.view__body') };
}

async function view(id, url, draw) {
  const { element, body } = section(id);
  element.setAttribute('aria-busy', 'true');
  try {
    const figures = await get(url);
    body.replaceChildren(...draw(figures));
    return null;
  } catch (error) {
    if (!(error instanceof Refusal)) console.error(error);
    body.replaceChildren(h('p', { class: 'notice notice--warning' }, explain(error instanceof Refusal ? error : new Refusal(-1, null))));
    return error;
  } finally {
    element.setAttribute('aria-busy', 'false');
  }
}

function rapidView(r) {
  const stageRows = r.byStage.map((s) => [s.label, count(s.count)]);
  const months = r.perMonth;
  const amountsBy = (rows) => rows.map((a) => [a.label, count(a.dossiers), euros(a.requestedEur), euros(a.proposedEur), euros(a.grantedEur)]);
  const amountSeries = (rows) => [
    { label: 'Demandée', values: rows.map((a) => a.requestedEur), colour: COLOURS.light, format: euros },
    { label: 'Proposée', values: rows.map((a) => a.proposedEur), colour: COLOURS.secondary, format: euros },
    { label: 'Accordée', values: rows.map((a) => a.grantedEur), colour: COLOURS.primary, format: euros },
  ];
  const amountHeaders = (first) => [first, 'Dossiers', 'Aide demandée', 'Aide proposée', 'Aide accordée'];
  return [
    h(
      'div',
      { class: 'kpis' },
      card('Dossiers déposés', count(r.dossiers)),
      card('Décidés en 4 mois au plus', percent(r.decidedWithinTarget.share), shareDetail(r.decidedWithinTarget, ['dans le délai', 'dans le délai'], ['dossier décidé', 'dossiers décidés'])),
      card('Délai médian du dépôt à la décision', days(r.endToEnd.medianDays), r.endToEnd.p90Days == null ? null : `90 % en moins de ${days(r.endToEnd.p90Days)} (${count(r.endToEnd.count)} décidés)`),
      card('Éligibilité', percent(r.eligibility.share), shareDetail(r.eligibility, ['éligible', 'éligibles'], ['vérifié', 'vérifiés'])),
      card("Taux d'approbation", percent(r.approval.share), shareDetail(r.approval, ['approuvé', 'approuvés'], ['décidé', 'décidés'])),
      card('Aide demandée', euros(r.amounts.requestedEur)),
      card('Aide proposée', euros(r.amounts.proposedEur)),
      card('Aide accordée', euros(r.amounts.grantedEur)),
    ),
    h(
      'div',
      { class: 'charts' },
      chartFigure('rapid-stages', 'Dossiers par étape actuelle', r.byStage.map((s) => s.label), [{ label: 'Dossiers', values: r.byStage.map((s) => s.count), colour: COLOURS.primary }], {
        horizontal: true,
        tableHeaders: ['Étape', 'Dossiers'],
        tableRows: stageRows,
        numeric: [1],
      }),
      chartFigure(
        'rapid-months',
        'Dossiers déposés et décidés par mois',
        months.map((m) => m.label),
        [
          { label: 'Déposés', values: months.map((m) => m.submitted), colour: COLOURS.secondary },
          { label: 'Décidés', values: months.map((m) => m.decided), colour: COLOURS.primary },
        ],
        { horizontal: false, tableHeaders: ['Mois', 'Déposés', 'Décidés'], tableRows: months.map((m) => [m.label, count(m.submitted), count(m.decided)]), numeric: [1, 2] },
      ),
      chartFigure(
        'rapid-stage-times',
        'Temps passé par étape, en jours',
        r.stageTimes.map((s) => s.label),
        [
          { label: 'Médiane', values: r.stageTimes.map((s) => s.medianDays), colour: COLOURS.primary, format: days },
          { label: '90e centile', values: r.stageTimes.map((s) => s.p90Days), colour: COLOURS.light, format: days },
        ],
        {
          horizontal: true,
          tableHeaders: ['Étape', 'Dossiers sortis', 'Médiane', '90e centile'],
          tableRows: r.stageTimes.map((s) => [s.label, count(s.count), days(s.medianDays), days(s.p90Days)]),
          numeric: [1, 2, 3],
        },
      ),
      chartFigure('rapid-categories', "Aides par catégorie d'entreprise", r.byCategory.map((a) => a.label), amountSeries(r.byCategory), {
        tableHeaders: amountHeaders('Catégorie'),
        tableRows: amountsBy(r.byCategory),
        numeric: [1, 2, 3, 4],
      }),
      chartFigure('rapid-regions', 'Aides par région', r.byRegion.map((a) => a.label), amountSeries(r.byRegion), {
        horizontal: true,
        tableHeaders: amountHeaders('Région'),
        tableRows: amountsBy(r.byRegion),
        numeric: [1, 2, 3, 4],
      }),
    ),
  ];
}

function taskLinks(task) {
  if (!task) return '—';
  return h(
    'span',
    { class: 'links' },
    link(task.tasklistUrl, 'Tâche', `Ouvrir la tâche « ${task.taskName} » dans Tasklist`),
    task.fileUrl ? ' · ' : null,
    link(task.fileUrl, task.caseReference || 'Dossier', `Ouvrir le dossier ${task.caseReference || ''}`),
  );
}

function workView(w) {
  return [
    h('div', { class: 'kpis' }, card('Tâches ouvertes', count(w.openTasks)), card('Tâches en retard', count(w.overdueTasks), 'échéance dépassée')),
    h(
      'div',
      { class: 'charts charts--one' },
      chartFigure(
        'work-groups',
        'Tâches ouvertes par groupe',
        w.groups.map((g) => g.groupName),
        [
          { label: 'Dans les temps', values: w.groups.map((g) => g.open - g.overdue), colour: COLOURS.secondary },
          { label: 'En retard', values: w.groups.map((g) => g.overdue), colour: COLOURS.orange },
        ],
        {
          horizontal: true,
          stacked: true,
          tableHeaders: ['Groupe', 'Ouvertes', 'En retard', 'La plus ancienne'],
          tableRows: w.groups.map((g) => [g.groupName, count(g.open), count(g.overdue), g.oldest ? h('span', {}, `${g.oldest.taskName} (${days(g.oldest.ageDays)}) `, taskLinks(g.oldest)) : '—']),
          numeric: [1, 2],
        },
      ),
    ),
    table(
      'La tâche ouverte la plus ancienne de chaque groupe',
      ['Groupe', 'Tâche', 'Ouverte le', 'Depuis', 'Échéance', 'Ouvrir'],
      w.groups.filter((g) => g.oldest).map((g) => [g.groupName, g.oldest.taskName, date(g.oldest.created), days(g.oldest.ageDays), date(g.oldest.due), taskLinks(g.oldest)]),
      [3],
    ),
    table(
      `Tâches dont l'échéance est passée, la plus ancienne d'abord (${w.overdue.length} affichées sur ${count(w.overdueTasks)})`,
      ['Tâche', 'Dossier', 'Ouverte le', 'Échéance', 'Depuis', 'Ouvrir'],
      w.overdue.map((t) => [t.taskName, t.caseReference || '—', date(t.created), date(t.due), days(t.ageDays), taskLinks(t)]),
      [4],
    ),
  ];
}

function mediationView(m) {
  const keyChart = (id, title, first, rows, colour = COLOURS.primary) =>
    chartFigure(id, title, rows.map((k) => k.label), [{ label: 'Médiations', values: rows.map((k) => k.count), colour }], {
      tableHeaders: [first, 'Médiations'],
      tableRows: rows.map((k) => [k.label, count(k.count)]),
      numeric: [1],
    });
  const s = m.satisfaction;
  return [
    h(
      'div',
      { class: 'kpis' },
      card('Médiations demandées', count(m.cases)),
      card('Réponse en 15 jours ouvrés', percent(m.answeredWithinCommitment.share), shareDetail(m.answeredWithinCommitment, ['dans le délai', 'dans le délai'], ['demande', 'demandes'])),
      card('Premier contact en 7 jours', percent(m.firstContactWithinCommitment.share), shareDetail(m.firstContactWithinCommitment, ['dans le délai', 'dans le délai'], ['demande', 'demandes'])),
      card('Transmises au Médiateur des entreprises', count(m.handedOffToNationalMediator)),
      card('Satisfaction', s.average == null ? '—' : `${nbsp(oneDecimal.format(s.average))}\u00a0/\u00a05`, plural(s.answers, 'réponse', 'réponses')),
      card('Intérêts de retard calculés', eurosCents(m.lateInterest.totalEur), plural(m.lateInterest.cases, 'retard de paiement', 'retards de paiement')),
    ),
    h(
      'div',
      { class: 'charts' },
      keyChart('mediation-subjects', 'Médiations par objet', 'Objet', m.bySubject),
      keyChart('mediation-levels', 'Médiations par niveau actuel', 'Niveau', m.byLevel, COLOURS.secondary),
      keyChart('mediation-outcomes', 'Médiations par issue', 'Issue', m.byOutcome),
      chartFigure(
        'mediation-resolution',
        'Temps de résolution par niveau, en jours',
        m.resolutionByLevel.map((l) => l.label),
        [
          { label: 'Médiane', values: m.resolutionByLevel.map((l) => l.medianDays), colour: COLOURS.primary, format: days },
          { label: '90e centile', values: m.resolutionByLevel.map((l) => l.p90Days), colour: COLOURS.light, format: days },
        ],
        {
          tableHeaders: ['Niveau', 'Médiations closes', 'Médiane', '90e centile'],
          tableRows: m.resolutionByLevel.map((l) => [l.label, count(l.count), days(l.medianDays), days(l.p90Days)]),
          numeric: [1, 2, 3],
        },
      ),
      keyChart('mediation-satisfaction', 'Notes de satisfaction (1 à 5)', 'Note', s.byRating, COLOURS.green),
    ),
  ];
}

// ---------------------------------------------------------------- the process maps

/** What a level says, in words and with a sign, so that colour is never the only cue. */
const LEVELS = {
  OK: { sign: '✓', text: 'Dans les temps', css: 'ok' },
  WARNING: { sign: '⚠', text: 'À surveiller', css: 'warning' },
  LATE: { sign: '✖', text: 'En retard', css: 'late' },
  NONE: { sign: '', text: 'Sans délai', css: 'none' },
};

/** NONE says two things: no deadline at all, or nothing done in the period to judge by. */
function levelOf(load) {
  if (load.level === 'NONE' && load.deadlineDays != null) return { sign: '', text: 'Rien de terminé', css: 'none' };
  return LEVELS[load.level] || LEVELS.NONE;
}

const viewers = new Map();
/** Per viewer, the step a phone's view is centred on. */
const focusOf = new WeakMap();

/** Under this width (px) a map is shown at NARROW_ZOOM and browsed by dragging. */
const NARROW = 700;
const NARROW_ZOOM = 0.6;

async function processMap(container, query) {
  const key = container.dataset.process;
  const body = container.querySelector('.view__body');
  container.setAttribute('aria-busy', 'true');
  try {
    let viewer = viewers.get(key);
    const overlayPromise = get(`/dashboard/api/processes/${key}/overlay${query}`);
    if (!viewer) {
      const xml = await get(`/dashboard/api/processes/${key}/diagram`, 'xml');
      const canvas = h('div', { class: 'map-canvas', id: `map-${key}`, role: 'group', 'aria-label': 'Schéma de la procédure avec, sur chaque étape, les dossiers en attente et le temps médian ; les mêmes chiffres sont dans le tableau qui suit.' });
      const hint = h('p', { class: 'hint map-hint', hidden: true }, 'Faites glisser le schéma pour le parcourir ; les mêmes chiffres sont dans le tableau qui suit.');
      body.replaceChildren(hint, canvas, h('div', { class: 'map-table' }));
      viewer = new NavigatedViewer({ container: canvas });
      await viewer.importXML(xml);
      viewers.set(key, viewer);
      boxes.observe(canvas);
    }
    const overlay = await overlayPromise;
    drawLoads(viewer, overlay);
    body.querySelector('.map-table').replaceChildren(loadTable(viewer, overlay));
  } catch (error) {
    if (!(error instanceof Refusal)) console.error(error);
    viewers.delete(key);
    body.replaceChildren(h('p', { class: 'notice notice--warning' }, explain(error instanceof Refusal ? error : new Refusal(-1, null))));
  } finally {
    container.setAttribute('aria-busy', 'false');
  }
}

/**
 * User tasks always get their badge (even at zero: nothing waits there); other steps when something
 * waits. Subprocesses only in the table: their tokens are those of the tasks inside.
 */
function shown(viewer, load) {
  const element = viewer.get('elementRegistry').get(load.activityId);
  if (!element || element.type === 'bpmn:SubProcess') return false;
  return element.type === 'bpmn:UserTask' || load.waitingNow > 0 || load.overdueNow > 0;
}

function listed(viewer, load) {
  return shown(viewer, load) || load.waitingNow > 0 || load.deadlineDays != null;
}

/**
 * The diagram as large as the page's width allows: the box takes the diagram's proportions (no
 * empty bands), then the diagram fits it. Marks the box once done (tests wait for it).
 */
function fit(viewer) {
  const canvas = viewer.get('canvas');
  const box = canvas.getContainer().closest('.map-canvas');
  const inner = canvas.viewbox().inner;
  const narrow = box.clientWidth < NARROW;
  if (inner.width > 0) {
    const height = narrow
      ? Math.min(Math.round(inner.height * NARROW_ZOOM) + 48, 420)
      : Math.round(box.clientWidth * (inner.height / inner.width)) + 48;
    box.style.height = `${Math.min(Math.max(height, 240), 800)}px`;
  }
  canvas.resized();
  if (narrow && inner.width > 0) {
    // A phone: the whole diagram would be a smudge; readable steps, dragged sideways to browse.
    // Centred on the step where most dossiers wait.
    canvas.zoom(NARROW_ZOOM);
    const viewbox = canvas.viewbox();
    const focus = viewer.get('elementRegistry').get(focusOf.get(viewer));
    const x = focus ? focus.x + focus.width / 2 - viewbox.width / 2 : inner.x - 12;
    const y = focus ? focus.y + focus.height / 2 - viewbox.height / 2 : inner.y - 24;
    canvas.viewbox({ x, y, width: viewbox.width, height: viewbox.height });
  } else {
    canvas.zoom('fit-viewport', 'auto');
  }
  box.parentNode.querySelector('.map-hint').hidden = !narrow;
  box.dataset.fittedWidth = String(box.clientWidth);
}

function drawLoads(viewer, overlay) {
  const overlays = viewer.get('overlays');
  const canvas = viewer.get('canvas');
  const registry = viewer.get('elementRegistry');
  overlays.remove({ type: 'load' });
  const busiest = overlay.activities
    .filter((load) => shown(viewer, load))
    .reduce((best, load) => (!best || load.waitingNow > best.waitingNow ? load : best), null);
  focusOf.set(viewer, busiest?.activityId);
  for (const css of ['ok', 'warning', 'late']) {
    registry.forEach((element) => canvas.removeMarker(element, `level-${css}`));
  }
  fit(viewer);
  for (const load of overlay.activities) {
    if (!shown(viewer, load)) continue;
    const level = levelOf(load);
    const element = registry.get(load.activityId);
    if (load.level !== 'NONE') canvas.addMarker(element, `level-${level.css}`);
    const badge = h(
      'div',
      {
        class: `load load--${level.css}`,
        'data-activity': load.activityId,
        'data-waiting': load.waitingNow,
        title: `${load.activityName} : ${load.waitingNow} en attente, ${load.overdueNow} en retard, temps médian ${days(load.medianDays)}${load.deadlineDays == null ? '' : ` pour un délai de ${days(load.deadlineDays)}`}`,
      },
      h('span', { class: 'load__waiting' }, h('b', {}, count(load.waitingNow)), h('small', {}, ' en attente')),
      load.overdueNow > 0 ? h('span', { class: 'load__overdue' }, `${count(load.overdueNow)} en retard`) : null,
      load.medianDays == null ? null : h('span', { class: 'load__median' }, `${level.sign ? `${level.sign} ` : ''}méd. ${days(load.medianDays)}`),
    );
    // Above the shape (the badge grows upwards, see .load), so that the step's name stays readable.
    overlays.add(element, 'load', { position: { top: -3, left: -6 }, html: badge, scale: false });
  }
}

function loadTable(viewer, overlay) {
  const rows = overlay.activities
    .filter((load) => listed(viewer, load))
    .map((load) => {
      const level = levelOf(load);
      return [
        load.activityName,
        count(load.waitingNow),
        count(load.overdueNow),
        count(load.completedInPeriod),
        days(load.medianDays),
        load.deadlineDays == null ? '—' : days(load.deadlineDays),
        h('span', { class: `level level--${level.css}` }, `${level.sign ? `${level.sign} ` : ''}${level.text}`),
      ];
    });
  return h(
    'details',
    { class: 'figures', open: true },
    h('summary', {}, `Les chiffres par étape : ${overlay.processName}`),
    table(
      `${overlay.processName} : dossiers en attente maintenant et temps médian par étape sur la période`,
      ['Étape', 'En attente', 'En retard', 'Terminées dans la période', 'Temps médian', 'Délai', 'Niveau'],
      rows,
      [1, 2, 3, 4, 5],
    ),
  );
}

// ---------------------------------------------------------------- putting it together

let loading = 0;

async function load(parameters) {
  const run = ++loading;
  const query = parameters.toString() ? `?${parameters}` : '';
  for (const name of FIELDS) form.elements[name].removeAttribute('aria-invalid');
  updateExportLinks(parameters);
  const status = document.getElementById('status');
  status.textContent = 'Chargement des chiffres…';
  const errors = await Promise.all([
    view('rapid', `/dashboard/api/rapid${query}`, rapidView),
    view('work', '/dashboard/api/work', workView),
    view('mediation', `/dashboard/api/mediation${query}`, mediationView),
    ...[...document.querySelectorAll('.process-map')].map((map) => processMap(map, query)),
  ]);
  if (run !== loading) return;
  const refusal = errors.find((e) => e && [400, 401, 403].includes(e.status));
  showPageError(refusal);
  const from = form.elements.from.value;
  const to = form.elements.to.value;
  status.textContent = refusal
    ? ''
    : `Chiffres du ${date(from)} au ${date(to)}${describeCriteria()}, calculés à ${frenchTime(new Date())}.`;
}

function describeCriteria() {
  const chosen = ['stage', 'region', 'category']
    .map((name) => form.elements[name])
    .filter((select) => select.value)
    .map((select) => select.options[select.selectedIndex].textContent);
  return chosen.length ? ` (${chosen.join(', ')})` : '';
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const parameters = filterFromForm();
  const query = parameters.toString();
  history.pushState(null, '', `/dashboard${query ? `?${query}` : ''}`);
  load(parameters);
});

window.addEventListener('popstate', () => {
  const parameters = new URLSearchParams(window.location.search);
  filterToForm(parameters);
  load(parameters);
});

// A map whose box changes width (window resized, scrollbar shown) fits again; its own change of
// height does not count.
let resizing;
const boxes = new ResizeObserver(() => {
  clearTimeout(resizing);
  resizing = setTimeout(() => {
    viewers.forEach((viewer) => {
      const box = viewer.get('canvas').getContainer().closest('.map-canvas');
      if (box.dataset.fittedWidth !== String(box.clientWidth)) fit(viewer);
    });
  }, 100);
});

const initial = new URLSearchParams(window.location.search);
filterToForm(initial);
loadOptions();
load(filterFromForm());
