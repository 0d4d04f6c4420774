package fr.defense.rapid.attachment;

/** A file, or a submission, that the rules on attachments refuse: 422 with this French message, nothing stored. */
class AttachmentRefusedException extends RuntimeException {

    AttachmentRefusedException(String message) {
        super(message);
    }
}
