package fr.defense.rapid.attachment;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.defense.rapid.dossier.DossierSubmissions;
import fr.defense.rapid.form.FormCatalog;
import fr.defense.rapid.form.FormDefinition;
import fr.defense.rapid.system.FieldViolation;
import fr.defense.rapid.system.FormValidationException;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * An SME's dossier draft: the submission form's values as they stand (incomplete, not yet
 * validated), saved server side until submitted, whatever happens to the browser.
 */
@Component
class Drafts {

    /** A draft as the API shows it. */
    record DraftView(
            Map<String, Object> values,
            List<Attachment> attachments,
            @JsonInclude(JsonInclude.Include.ALWAYS) OffsetDateTime updatedAt) {}

    private final DraftRepository drafts;
    private final Attachments attachments;
    private final FormDefinition form;
    private final ObjectMapper json;

    Drafts(DraftRepository drafts, Attachments attachments, FormCatalog forms, ObjectMapper json) {
        this.drafts = drafts;
        this.attachments = attachments;
        this.form = forms.get(DossierSubmissions.START_FORM);
        this.json = json;
    }

    DraftView of(String ownerId) {
        return drafts.find(ownerId)
                .map(draft ->
                        new DraftView(values(draft.valuesJson()), attachments.listForDraft(ownerId), draft.updatedAt()))
                .orElseGet(() -> new DraftView(Map.of(), List.of(), null));
    }

    /**
     * Keeps the submission form's fields only, with plain values (text, number, true/false, null):
     * anything else is not a value of that form, and is not kept.
     */
    DraftView save(String ownerId, JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new FormValidationException(
                    form.id(),
                    List.of(new FieldViolation("(corps)", "un objet JSON des valeurs du formulaire est attendu.")));
        }
        ObjectNode kept = json.createObjectNode();
        body.fields().forEachRemaining(field -> {
            if (form.field(field.getKey()).isPresent() && field.getValue().isValueNode()) {
                kept.set(field.getKey(), field.getValue());
            }
        });
        try {
            drafts.save(ownerId, json.writeValueAsString(kept));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return of(ownerId);
    }

    /** The values as the form takes them (whole numbers as Long, see FormDefinition.accept). */
    Map<String, Object> valuesToSubmit(DraftRepository.Draft draft) {
        return form.accept(values(draft.valuesJson()));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> values(String valuesJson) {
        try {
            Map<String, Object> values = json.readValue(valuesJson, LinkedHashMap.class);
            return values;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable draft", e);
        }
    }
}
