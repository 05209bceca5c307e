// Tasklist for English children's social care: UK dates (day first, 24-hour clock).
// The browser's time zone is the council's (Europe/London); deadlines are stored in UK time.
export default {
  app: {
    name: 'Tasklist',
    vendor: 'OpenCSC'
  },
  dateFormat: {
    normal: 'DD/MM/YYYY HH:mm',
    long: 'dddd D MMMM YYYY, HH:mm',
    monthName: 'MMMM',
    day: 'D',
    abbr: 'MMM'
  },
  locales: {
    availableLocales: ['en'],
    fallbackLocale: 'en'
  },
  disableWelcomeMessage: true,
  // Forget answers saved in the browser once a task is completed or the user logs out;
  // open task lists soonest due first; let forms with a dynamic list be completed; name what
  // Tasklist leaves unnamed for screen readers; dates in UK form whatever the browser's language.
  customScripts: ['scripts/opencsc/uk-dates', 'scripts/opencsc/forget-saved-forms',
    'scripts/opencsc/soonest-due-first', 'scripts/opencsc/dynamic-lists', 'scripts/opencsc/accessible-names'],
  shortcuts: {
    claimTask: {key: 'ctrl+alt+c', description: 'claims the currently selected task'},
    focusFilter: {key: 'ctrl+shift+f', description: 'set the focus to the first filter in the list'},
    focusList: {key: 'ctrl+alt+l', description: 'sets the focus to the first task in the list'},
    focusForm: {key: 'ctrl+alt+f', description: 'sets the focus to the first input field in a task form'},
    startProcess: {key: 'ctrl+alt+p', description: 'opens the start process modal dialog'}
  }
};
