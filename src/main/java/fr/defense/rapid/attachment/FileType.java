package fr.defense.rapid.attachment;

/** The types of file a dossier's pieces may be, by their media type. */
enum FileType {
    PDF("application/pdf"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    ODS("application/vnd.oasis.opendocument.spreadsheet");

    private final String mediaType;

    FileType(String mediaType) {
        this.mediaType = mediaType;
    }

    String mediaType() {
        return mediaType;
    }
}
