// The compliance dashboard. Every value from the server is written with textContent, never as
// HTML, so a reason typed into a form cannot change the page.
'use strict';

async function get(path) {
  const response = await fetch(path, {headers: {Accept: 'application/json'}, credentials: 'same-origin'});
  if (!response.ok) {
    throw new Error(path + ': ' + response.status);
  }
  return response.json();
}

function el(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) {
    node.textContent = String(text);
  }
  if (className) {
    node.className = className;
  }
  return node;
}

function ukDateTime(iso) {
  if (!iso) {
    return '';
  }
  return new Date(iso).toLocaleString('en-GB', {timeZone: 'Europe/London', day: '2-digit', month: '2-digit',
    year: 'numeric', hour: '2-digit', minute: '2-digit'});
}

function percent(rate) {
  return rate === null || rate === undefined ? 'no steps due yet' : Math.round(rate * 100) + '%';
}

async function showSummary() {
  const summary = await get('/api/compliance/summary');
  const cards = document.getElementById('summary');
  cards.replaceChildren();
  for (const process of summary) {
    const rate = process.rate;
    const card = el('article', null, 'card ' + (rate === null ? '' : rate >= 0.9 ? 'good' : rate >= 0.7 ? 'fair' : 'poor'));
    card.dataset.process = process.process;
    card.append(el('h3', process.name || process.process));
    card.append(el('div', percent(rate), 'rate'));
    const figures = el('dl');
    for (const [label, key] of [['Cases', 'cases'], ['Steps due', 'stepsDue'], ['On time', 'stepsOnTime'],
      ['Open', 'openSteps'], ['Overdue now', 'overdueSteps']]) {
      figures.append(el('dt', label));
      const value = el('dd', process[key]);
      value.dataset.figure = key;
      figures.append(value);
    }
    card.append(figures);
    cards.append(card);
  }
  cards.dataset.loaded = 'true';
  return summary;
}

// The processes and their names come from the summary: the server's catalogue lists them.
async function showTrend(summary) {
  const months = new Set();
  const series = {};
  const names = {};
  for (const figures of summary) {
    names[figures.process] = figures.name || figures.process;
    series[figures.process] = await get('/api/compliance/trend?process=' + encodeURIComponent(figures.process));
    series[figures.process].forEach(point => months.add(point.month));
  }
  const labels = [...months].sort();
  new Chart(document.getElementById('trend'), {
    type: 'line',
    data: {
      labels,
      datasets: Object.keys(series).map(process => ({
        label: names[process],
        data: labels.map(month => {
          const point = series[process].find(p => p.month === month);
          return point && point.stepsDue ? Math.round(100 * point.stepsOnTime / point.stepsDue) : null;
        }),
        spanGaps: true
      }))
    },
    options: {scales: {y: {min: 0, max: 100, title: {display: true, text: '% on time'}}}, animation: false}
  });
}

async function showOpenSteps() {
  const steps = await get('/api/compliance/open-steps');
  const body = document.querySelector('#open-steps tbody');
  body.replaceChildren();
  for (const step of steps) {
    const row = el('tr', null, step.overdue ? 'overdue' : '');
    row.append(el('td', ukDateTime(step.dueAt)), el('td', step.name || step.task), childCell(step.childId),
      el('td', step.assignee || (step.candidateGroups || []).join(', ')), el('td', step.overdue ? 'Overdue' : 'Due'));
    body.append(row);
  }
}

// Fills a table's body with one row per item, the cells cellsOf gives.
function fillTable(table, items, cellsOf) {
  const body = document.querySelector(table + ' tbody');
  body.replaceChildren();
  for (const item of items) {
    const row = el('tr');
    row.append(...cellsOf(item));
    body.append(row);
  }
}

async function showBreaches() {
  fillTable('#breaches', await get('/api/compliance/breaches'), breach => [el('td', breach.code),
    childCell(breach.childId), el('td', ukDateTime(breach.dueAt)),
    el('td', breach.doneAt ? ukDateTime(breach.doneAt) : 'not yet'), el('td', breach.reason || '')]);
}

// Court work under the PLO: where each case stands and its weeks since issue against 26.
async function showPlo() {
  fillTable('#plo', await get('/api/compliance/plo'), plo => [childCell(plo.childId),
    el('td', plo.stage.replace(/_/g, ' ').toLowerCase()),
    el('td', plo.weeksSinceIssue === null ? '' : plo.weeksSinceIssue + ' of 26'),
    el('td', plo.dueAt ? ukDateTime(plo.dueAt) : ''), el('td', plo.extensionWeeks ? plo.extensionWeeks + ' weeks' : '')]);
}

// IROs' alerts: the stage each reached, days open, how it ended.
async function showAlerts() {
  fillTable('#alerts', await get('/api/compliance/alerts'), alert => [childCell(alert.childId),
    el('td', alert.raisedBy || ''), el('td', alert.stage), el('td', alert.daysOpen),
    el('td', alert.outcome.replace(/_/g, ' ').toLowerCase())]);
}

function childCell(childId) {
  const cell = el('td');
  if (childId) {
    const link = el('a', childId.substring(0, 8));
    link.href = '#timeline';
    link.addEventListener('click', () => showTimeline(childId));
    cell.append(link);
  }
  return cell;
}

async function showTimeline(childId) {
  document.getElementById('child-id').value = childId;
  const target = document.getElementById('timeline');
  target.replaceChildren();
  let child;
  try {
    child = await get('/api/children/' + encodeURIComponent(childId));
  } catch (error) {
    target.append(el('p', 'No child with that id, or you may not see this child.'));
    return;
  }
  target.append(el('h3', child.name + ' (born ' + child.dateOfBirth + ')'));
  const list = el('ol');
  for (const step of child.timeline) {
    const item = el('li', ukDateTime(step.completedAt) + ': ' + step.task + ' (' + step.process + ') by ' +
      (step.completedBy || 'system') + (step.dueAt ? ', due ' + ukDateTime(step.dueAt) : ''));
    if (step.late) {
      item.append(el('span', ' late', 'late'));
    }
    list.append(item);
  }
  target.append(list);
  if (child.breaches.length) {
    target.append(el('h4', 'Breaches'));
    const breaches = el('ul');
    child.breaches.forEach(b => breaches.append(el('li', b.code + ': due ' + ukDateTime(b.dueAt) + ', ' +
      (b.doneAt ? 'done ' + ukDateTime(b.doneAt) : 'not yet done') + (b.reason ? '. ' + b.reason : ''))));
    target.append(breaches);
  }
  if (child.notifications && child.notifications.length) {
    target.append(el('h4', 'Mails'));
    const mails = el('ul', null, 'mails');
    child.notifications.forEach(n => mails.append(el('li', MAIL_KINDS[n.kind] + ': ' + (n.taskName || '') +
      (n.status === 'SENT' ? ', sent ' + ukDateTime(n.sentAt) + ' to ' + n.sentTo
        : n.status === 'PENDING' ? ', to be sent ' + ukDateTime(n.sendAt)
          : ', not sent (' + (n.sentTo || n.status) + ')'))));
    target.append(mails);
  }
}

const MAIL_KINDS = {STEP_DUE: 'Step due', REMINDER: 'Reminder', BREACH: 'Deadline missed', DIGEST: 'Digest'};

document.getElementById('timeline-form').addEventListener('submit', event => {
  event.preventDefault();
  showTimeline(document.getElementById('child-id').value.trim());
});

// The exports come from the server's list of them: a process that adds an Annex A list adds its link.
async function showExports() {
  const names = await get('/api/compliance/exports');
  const exports = document.getElementById('exports');
  names.forEach((name, i) => {
    const link = el('a', name.startsWith('annex-a-list') ? 'Annex A list ' + name.substring('annex-a-list'.length)
      : name === 'breaches' ? 'breach register' : name);
    link.href = '/api/compliance/export/' + encodeURIComponent(name) + '.csv';
    exports.append(' ', link, i < names.length - 1 ? ',' : '.');
  });
}

showSummary().then(summary => Promise.all([showTrend(summary), showOpenSteps(), showBreaches(), showExports(),
  showPlo(), showAlerts()]))
  .catch(error => document.getElementById('summary').append(el('p', 'Could not load the figures: ' + error.message)));
