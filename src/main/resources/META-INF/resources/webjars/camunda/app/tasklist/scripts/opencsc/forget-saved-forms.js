// Tasklist's "Save" keeps a task's form answers in the browser (localStorage "camunda-form:<task id>").
// On a shared council PC that would leave children's details behind, so they are forgotten:
// a task's answers once it is completed, everything at log-out, and anything left over when
// the log-in page next opens (a browser closed without logging out).
const SAVED = 'camunda-form:';

function forget(taskId) {
  for (const storage of [window.localStorage, window.sessionStorage]) {
    for (const key of Object.keys(storage)) {
      if (key.startsWith(SAVED) && (!taskId || key === SAVED + taskId)) {
        storage.removeItem(key);
      }
    }
  }
}

const COMPLETED = /\/task\/([^/]+)\/(?:complete|submit-form)$/;
const LOGGED_OUT = /\/auth\/user\/[^/]+\/logout$/;

function afterSuccess(method, url) {
  const path = String(url).split('?')[0];
  const completed = method === 'POST' && path.match(COMPLETED);
  if (completed) {
    forget(decodeURIComponent(completed[1]));
  } else if (method === 'POST' && LOGGED_OUT.test(path)) {
    forget();
  }
}

const open = XMLHttpRequest.prototype.open;
XMLHttpRequest.prototype.open = function (method, url, ...rest) {
  this.addEventListener('loadend', () => {
    if (this.status >= 200 && this.status < 300) {
      afterSuccess(String(method).toUpperCase(), url);
    }
  });
  return open.call(this, method, url, ...rest);
};

const originalFetch = window.fetch;
window.fetch = async function (input, init) {
  const response = await originalFetch.apply(this, arguments);
  const method = String((init && init.method) || (input && input.method) || 'GET').toUpperCase();
  if (response.ok) {
    afterSuccess(method, typeof input === 'string' ? input : input.url);
  }
  return response;
};

// Nobody is logged in on the log-in page: nothing saved should outlive the last session.
function forgetOnLoginPage() {
  if (document.querySelector('input[ng-model="username"]')) {
    forget();
  }
}
new MutationObserver(forgetOnLoginPage).observe(document.documentElement, {childList: true, subtree: true});
forgetOnLoginPage();
