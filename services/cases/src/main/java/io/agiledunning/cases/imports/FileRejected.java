package io.agiledunning.cases.imports;

/**
 * The file as a whole cannot be read (a UTF-16 file, a header without the required columns, a row longer
 * than the limit): the job fails with this message; rows read before it stay imported.
 */
public class FileRejected extends RuntimeException {

    public FileRejected(String message) {
        super(message, null, false, false);
    }
}
