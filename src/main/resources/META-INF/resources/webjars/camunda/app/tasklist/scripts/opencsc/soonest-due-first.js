// Tasklist opens every task list sorted by "Created", newest first. For statutory work the
// question is what is due next, so a list opened without a chosen sort is shown soonest due
// first. A sort the practitioner picks (it is kept in the address) is left as it is, and so is
// an open task: changing the address under a form being filled in would draw it again.
const SOONEST_DUE_FIRST = JSON.stringify([{sortBy: 'dueDate', sortOrder: 'asc'}]);

function sortSoonestDueFirst() {
  const hash = window.location.hash;
  const onTaskList = hash === '' || hash === '#' || hash === '#/' || hash.startsWith('#/?');
  if (!onTaskList || /[?&](sorting|task)=/.test(hash)) {
    return;
  }
  const query = hash.startsWith('#/?') ? hash.substring(3) + '&' : '';
  window.location.replace('#/?' + query + 'sorting=' + encodeURIComponent(SOONEST_DUE_FIRST));
}

// After Tasklist has read the new address (it may add the filter to it), not before.
window.addEventListener('hashchange', () => setTimeout(sortSoonestDueFirst));
setTimeout(sortSoonestDueFirst);
