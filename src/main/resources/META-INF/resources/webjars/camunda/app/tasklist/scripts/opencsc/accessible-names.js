// Tasklist's own page, around our forms, as a screen reader and a keyboard user meet it
// (WCAG 2.2 AA; what axe-core found in AccessibilityTest, see docs/accessibility.md):
// - its messages (a refused step, a saved form) are announced when they appear;
// - its search box is announced as the combobox it is;
// - its icon-only buttons and links (fold a pane, saved searches, add a sort, filter details)
//   have names, from their tooltip where Tasklist gives one, and a link that only runs an
//   action is announced as a button.
const PANES = {filters: 'Fold or unfold the filters', list: 'Fold or unfold the task list',
  task: 'Fold or unfold the task'};
const ICONS = {'glyphicon-floppy-disk': 'Saved searches', 'glyphicon-plus-sign': 'Add a sort',
  'glyphicon-plus': 'Add', 'glyphicon-new-window': 'Open the case in Cockpit', 'glyphicon-link': 'Link to this',
  'glyphicon-info-sign': 'Details', 'glyphicon-pencil': 'Edit'};

function nameOf(control) {
  const region = control.getAttribute('data-region');
  if (region) {
    return PANES[region] || 'Fold or unfold';
  }
  const tipped = control.hasAttribute('uib-tooltip') ? control : control.querySelector('[uib-tooltip]');
  const tooltip = (tipped && tipped.getAttribute('uib-tooltip')) || control.getAttribute('title');
  if (tooltip && !tooltip.includes('{{')) {
    return tooltip;
  }
  const icon = Object.keys(ICONS).find(glyph => control.classList.contains(glyph) || control.querySelector('.' + glyph));
  return icon ? ICONS[icon] : null;
}

function name() {
  for (const region of document.querySelectorAll('.page-notifications, [notifications-panel]')) {
    if (!region.hasAttribute('aria-live')) {
      region.setAttribute('role', 'status');
      region.setAttribute('aria-live', 'polite');
    }
  }
  // The search box opens a list of what to search by as one types: a combobox, which is what
  // its aria-expanded says (on a plain text box a screen reader cannot use it).
  for (const search of document.querySelectorAll('input.main-field[aria-expanded]:not([role])')) {
    search.setAttribute('role', 'combobox');
  }
  const unnamed = 'button:not([aria-label]):not([aria-labelledby]), a:not([aria-label]):not([aria-labelledby])';
  for (const control of document.querySelectorAll(unnamed)) {
    // innerText: the text shown, not text Tasklist hides at this width
    if (control.innerText.trim() !== '' || control.closest('.fjs-container')) {
      continue;
    }
    const label = nameOf(control);
    if (label) {
      control.setAttribute('aria-label', label);
      if (control.tagName === 'A' && !control.hasAttribute('href') && !control.hasAttribute('role')) {
        control.setAttribute('role', 'button');
      }
    }
  }
}

let pending = false;
new MutationObserver(() => {
  if (!pending) {
    pending = true;
    requestAnimationFrame(() => {
      pending = false;
      name();
    });
  }
}).observe(document.documentElement, {childList: true, subtree: true});
name();
