// Every executable element has an id a person can read (not Modeler's generated "Activity_0x1y2z3")
// and, except sequence flows and the start of an embedded sub-process, a label.
const { is, isAny } = require('bpmnlint-utils');

const GENERATED = /^(Activity|Event|Gateway|Flow|StartEvent|EndEvent|Task|UserTask|ServiceTask|Timer|Message|SubProcess|Process|DataObject|Participant|Lane)_[0-9a-z]{5,8}$/;

module.exports = function() {
  function check(node, reporter) {
    if (!isAny(node, ['bpmn:FlowElement', 'bpmn:Process'])) {
      return;
    }
    if (GENERATED.test(node.id || '')) {
      reporter.report(node.id, 'Give this element a readable id, e.g. "userTask_recordVisit" or the task key of the contract (Properties panel > ID)');
    }
    const needsLabel = isAny(node, ['bpmn:Task', 'bpmn:Event', 'bpmn:Gateway', 'bpmn:SubProcess'])
      && !(is(node, 'bpmn:StartEvent') && node.$parent && is(node.$parent, 'bpmn:SubProcess') && !node.$parent.triggeredByEvent)
      && !(is(node, 'bpmn:Gateway') && (node.incoming || []).length > 1 && (node.outgoing || []).length === 1);
    if (needsLabel && !(node.name && node.name.trim())) {
      reporter.report(node.id, 'Label this element in words a social worker understands (Properties panel > Name)');
    }
  }
  return { check };
};
