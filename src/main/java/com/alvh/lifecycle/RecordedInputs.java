package com.alvh.lifecycle;

import com.alvh.evaluation.InvalidRequestException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.alvh.audit.AuditTrail;
import com.alvh.audit.EvaluationRecord;
import com.alvh.evaluation.request.EvaluationRequest;
import com.alvh.strategy.ProfileCatalog.LoadedProfile;
import com.alvh.strategy.ProfileParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** What a recorded evaluation ran with, read back from the audit trail: its request and its profile version. */
@ApplicationScoped
public class RecordedInputs {

    private final AuditTrail audit;
    private final ObjectMapper json;

    @Inject
    public RecordedInputs(AuditTrail audit, ObjectMapper json) {
        this.audit = audit;
        this.json = json;
    }

    EvaluationRequest request(EvaluationRecord record) {
        try {
            return json.readValue(record.requestJson(), EvaluationRequest.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("recorded request of " + record.evaluationId() + " cannot be read", e);
        }
    }

    /** The profile exactly as it was: parsed again from the stored source of the recorded version. */
    LoadedProfile profile(EvaluationRecord record) {
        String source = audit.profileSource(record.profileVersion()).orElseThrow(() -> new InvalidRequestException(
                "profileVersion", "profile version " + record.profileVersion() + " is not stored"));
        String file = record.profileName() + ".yaml";
        return new LoadedProfile(ProfileParser.parse(record.profileName(), file, source), file, source);
    }
}
