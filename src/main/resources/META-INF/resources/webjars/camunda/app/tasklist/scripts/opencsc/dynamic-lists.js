// Tasklist 7.24 cannot complete a Camunda Form that has a dynamic list (who took part in a
// strategy discussion): form-js keeps an entry for every row's field in its errors, even once
// the field is valid ({Field_attendeeName: [undefined]}), and Tasklist counts entries, so
// Complete stays disabled and submitting fails. This removes the empty entries, keeping every
// real error, in the form library Tasklist itself uses. If that library is not where this
// Camunda release keeps it, nothing is changed and the console says so (TasklistJourneyTest,
// which fills in a dynamic list, then fails).
const FORM_JS_MODULE = 57661; // @bpmn-io/form-js inside camunda-webapp 7.24.0's deps.js

// Errors as form-js keeps them: field id -> messages, or, for a field in a list, field id ->
// rows (an array or an object by row number) -> messages. Empty messages and rows go.
function pruned(value) {
  if (typeof value === 'string') {
    return value;
  }
  if (Array.isArray(value)) {
    if (value.every(item => typeof item === 'string')) {
      return value.length ? value : undefined;
    }
    const rows = value.map(pruned);
    return rows.some(row => row !== undefined) ? rows : undefined;
  }
  if (value && typeof value === 'object') {
    const kept = {};
    for (const [key, item] of Object.entries(value)) {
      const left = pruned(item);
      if (left !== undefined) {
        kept[key] = left;
      }
    }
    return Object.keys(kept).length ? kept : undefined;
  }
  return undefined;
}

function withoutEmptyErrors(errors) {
  return pruned(errors) || {};
}

function formClass() {
  let webpackRequire;
  const chunks = self.webpackChunkcamunda_bpm_webapp;
  if (!chunks) {
    return null;
  }
  chunks.push([['opencsc-dynamic-lists'], {}, require => { webpackRequire = require; }]);
  try {
    const Form = webpackRequire && webpackRequire(FORM_JS_MODULE).Form;
    return Form && Form.prototype && Form.prototype.validate && Form.prototype._setState ? Form : null;
  } catch (notThere) {
    return null;
  }
}

const Form = formClass();
if (Form) {
  const validate = Form.prototype.validate;
  Form.prototype.validate = function () {
    return withoutEmptyErrors(validate.apply(this, arguments));
  };
  const setState = Form.prototype._setState;
  Form.prototype._setState = function (state) {
    return setState.call(this, state && state.errors ? {...state, errors: withoutEmptyErrors(state.errors)} : state);
  };
} else {
  console.warn('OpenCSC: form-js not found; forms with a dynamic list cannot be completed in this Tasklist');
}
