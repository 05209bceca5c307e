// Every user task has a Camunda Form linked by id from the same deployment and a candidate group.
const { is } = require('bpmnlint-utils');

module.exports = function() {
  function check(node, reporter) {
    if (!is(node, 'bpmn:UserTask')) {
      return;
    }
    const formRef = node.get('camunda:formRef');
    if (!formRef) {
      reporter.report(node.id, 'User task has no form: link its Camunda Form by id (Properties panel > Forms: type Camunda Forms, Form reference = the form id, e.g. missing-episode-recordReturn, Binding = deployment)');
    } else if (node.get('camunda:formRefBinding') !== 'deployment') {
      reporter.report(node.id, 'Link the form with binding "deployment", so the task uses the form deployed with this diagram');
    }
    if (!node.get('camunda:candidateGroups')) {
      reporter.report(node.id, 'User task has no candidate group: say which team does it (Properties panel > User assignment > Candidate groups), e.g. social-workers');
    }
  }
  return { check };
};
