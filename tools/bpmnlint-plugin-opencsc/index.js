// Rules an analyst's diagram must keep: see docs/analysts.md.
module.exports = {
  configs: {
    recommended: {
      rules: {
        'readable-names': 'error',
        'user-task-form-and-group': 'error',
        'timer-source': 'error'
      }
    }
  }
};
