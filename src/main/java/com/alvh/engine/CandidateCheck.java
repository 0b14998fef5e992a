package com.alvh.engine;

import java.util.List;

/**
 * A check a compiled rule set must pass before it becomes active, for the mistakes Drools only shows at run time
 * (e.g. a scenario that no longer decides as it should). Implemented outside the engine.
 */
public interface CandidateCheck {

    /** The problems found, located in the file that describes the failed check; empty when the candidate passes. */
    List<RuleError> check(CompiledRuleSet candidate);
}
