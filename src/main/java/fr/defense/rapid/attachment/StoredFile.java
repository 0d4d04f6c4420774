package fr.defense.rapid.attachment;

/** A file's content, to be downloaded (see {@link Downloads}). */
public record StoredFile(String fileName, String contentType, byte[] content) {}
