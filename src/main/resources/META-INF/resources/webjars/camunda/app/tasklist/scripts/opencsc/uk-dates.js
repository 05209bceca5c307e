// Dates in UK form whatever the browser's language, and a plain warning when its clock is not
// on UK time (docs/accessibility.md, "Dates and times").
//
// Tasklist's date fields take their order from the browser's language (Intl's default locale):
// a browser set to English (United States) asks for mm/dd/yyyy, and 05/12/2026 would be read
// as 12 May. Dates formatted without a chosen language are formatted the British way instead.
const BrowserDateTimeFormat = Intl.DateTimeFormat;

function britishUnlessChosen(locales, options) {
  const chosen = locales !== undefined && locales !== 'default';
  return new BrowserDateTimeFormat(chosen ? locales : 'en-GB', options);
}
britishUnlessChosen.prototype = BrowserDateTimeFormat.prototype;
britishUnlessChosen.supportedLocalesOf = BrowserDateTimeFormat.supportedLocalesOf.bind(BrowserDateTimeFormat);
Intl.DateTimeFormat = britishUnlessChosen;

// A time typed into a form is read on the computer's own clock (and sent with its offset, so
// nothing is stored wrong). Deadlines are UK times: a worker whose computer is on another zone
// is told so at the top of every page, in words.
const UK = 'Europe/London';
const zone = new BrowserDateTimeFormat().resolvedOptions().timeZone;

function warn() {
  if (!document.body || document.getElementById('opencsc-zone-warning')) {
    return;
  }
  const warning = document.createElement('div');
  warning.id = 'opencsc-zone-warning';
  warning.setAttribute('role', 'alert');
  warning.textContent = 'This computer\u2019s clock is on ' + zone + ' time, not UK time. Times you type into a'
    + ' form are read as ' + zone + ' times, and deadlines are UK times. Ask IT to set this computer to UK time.';
  document.body.insertBefore(warning, document.body.firstChild);
}

if (zone !== UK) {
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', warn);
  } else {
    warn();
  }
}
