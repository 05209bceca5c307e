// Every timer says in its documentation where its deadline comes from: statute or statutory
// guidance, or local practice.
const { is } = require('bpmnlint-utils');

const SOURCE = /(statut|local practice|children act|working together|dfe|SI \d{4}\/\d+|regulations|domain rules)/i;

module.exports = function() {
  function check(node, reporter) {
    if (!is(node, 'bpmn:Event') || !(node.eventDefinitions || []).some(definition => is(definition, 'bpmn:TimerEventDefinition'))) {
      return;
    }
    const text = (node.documentation || []).map(doc => doc.text || '').join(' ');
    if (!SOURCE.test(text)) {
      reporter.report(node.id, 'Timer has no source: write in its documentation the statute, statutory guidance or local practice its deadline comes from (Properties panel > Documentation)');
    }
  }
  return { check };
};
